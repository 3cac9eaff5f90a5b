package dev.stoa.api.learning;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/**
 * A course as the API shows it. {@code lessonCount} and {@code totalDurationSeconds} count published lessons;
 * {@code rating} comes from the course's reviews.
 */
public record CourseView(String id, String instructorId, String title, @MayBeNull String description,
                         long priceCents, String currency, @MayBeNull String categoryId, int passingScore,
                         CourseStatus status, int lessonCount, long totalDurationSeconds, Rating rating,
                         Instant createdAt, Instant updatedAt, @MayBeNull Instant publishedAt) {
    /** Average of the reviews (null while there are none) and their count. */
    public record Rating(@MayBeNull Double average, long count) {}
}
