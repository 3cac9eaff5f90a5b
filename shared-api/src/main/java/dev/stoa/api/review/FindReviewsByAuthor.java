package dev.stoa.api.review;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/**
 * Every review one user wrote, of products and of courses, newest first, live or ended (for that user's GDPR export:
 * a deleted, removed or withdrawn review's text is still held, in the event log, so the export shows it).
 */
public record FindReviewsByAuthor(String authorId) {
    public record Result(List<ProductReview> productReviews, List<CourseReview> courseReviews) {}

    /**
     * A review of a product as its author's export shows it: {@code state} {@code live} (it shows), {@code deleted} (by
     * its author), {@code removed} (by an admin) or {@code withdrawn} (its purchase refunded), {@code endedAt} when it
     * stopped showing (null while live).
     */
    public record ProductReview(String id, String productId, int rating, @MayBeNull String comment,
                                @MayBeNull String authorName, boolean verifiedPurchase, String state, Instant createdAt,
                                Instant updatedAt, @MayBeNull Instant endedAt) {}

    /** A review of a course as its author's export shows it ({@code state} and {@code endedAt} as above). */
    public record CourseReview(String id, String courseId, int rating, @MayBeNull String comment,
                               @MayBeNull String authorName, String state, Instant createdAt, Instant updatedAt,
                               @MayBeNull Instant endedAt) {}
}
