package dev.stoa.projection.review;

import dev.stoa.api.identity.UserErased;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.review.CourseReviewDeleted;
import dev.stoa.api.review.CourseReviewEdited;
import dev.stoa.api.review.CourseReviewPosted;
import dev.stoa.api.review.CourseReviewRemoved;
import dev.stoa.api.review.CourseReviewWithdrawn;
import dev.stoa.api.review.ReviewDeleted;
import dev.stoa.api.review.ReviewEdited;
import dev.stoa.api.review.ReviewPosted;
import dev.stoa.api.review.ReviewRemoved;
import dev.stoa.api.review.ReviewWithdrawn;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code review_view}: the reviews of every product and course, comments opened with their author's key; a
 * review that ends (deleted, removed, withdrawn) keeps its row with its state, for its author's export only. An erased
 * author's comments read {@code [erased]} (here at once; in a replay because the key is gone). The product's rating is
 * the product (or course) read model's and the search index's (from the same events).
 */
@Component
@ProcessingGroup(ReviewProjection.NAME)
public class ReviewProjection {
    public static final String NAME = "review-read-model";
    private final ReviewViewRepository reviews;
    private final PersonalData personal;

    public ReviewProjection(ReviewViewRepository reviews, PersonalData personal) {
        this.reviews = reviews;
        this.personal = personal;
    }

    @EventHandler
    void on(ReviewPosted e, @Timestamp Instant at) {
        String author = e.authorId().value();
        reviews.save(new ReviewEntity(e.reviewId().value(), e.productId().value(), author, e.rating(),
                personal.open(author, e.comment()), at));
    }

    @EventHandler
    void on(ReviewEdited e, @Timestamp Instant at) {
        reviews.getReferenceById(e.reviewId().value())
                .edited(e.rating(), personal.open(e.authorId().value(), e.comment()), at);
    }

    @EventHandler
    void on(ReviewDeleted e, @Timestamp Instant at) { ended(e.reviewId().value(), "deleted", at); }

    @EventHandler
    void on(ReviewRemoved e, @Timestamp Instant at) { ended(e.reviewId().value(), "removed", at); }

    @EventHandler
    void on(ReviewWithdrawn e, @Timestamp Instant at) { ended(e.reviewId().value(), "withdrawn", at); }

    @EventHandler
    void on(CourseReviewPosted e, @Timestamp Instant at) {
        String author = e.authorId().value();
        reviews.save(ReviewEntity.ofCourse(e.reviewId().value(), e.courseId().value(), author, e.rating(),
                personal.open(author, e.comment()), at));
    }

    @EventHandler
    void on(CourseReviewEdited e, @Timestamp Instant at) {
        reviews.getReferenceById(e.reviewId().value())
                .edited(e.rating(), personal.open(e.authorId().value(), e.comment()), at);
    }

    @EventHandler
    void on(CourseReviewDeleted e, @Timestamp Instant at) { ended(e.reviewId().value(), "deleted", at); }

    @EventHandler
    void on(CourseReviewRemoved e, @Timestamp Instant at) { ended(e.reviewId().value(), "removed", at); }

    @EventHandler
    void on(CourseReviewWithdrawn e, @Timestamp Instant at) { ended(e.reviewId().value(), "withdrawn", at); }

    private void ended(String reviewId, String state, Instant at) {
        reviews.findById(reviewId).ifPresent(r -> r.ended(state, at));
    }

    @EventHandler
    void on(UserErased e) { reviews.findByAuthorId(e.userId().value()).forEach(r -> r.erase(PersonalData.ERASED)); }

    @ResetHandler
    void reset() { reviews.deleteAllInBatch(); }
}
