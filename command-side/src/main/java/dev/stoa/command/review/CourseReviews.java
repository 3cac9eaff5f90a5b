package dev.stoa.command.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.review.*;
import dev.stoa.command.platform.SnapshotState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The reviews of one course (identifier {@code course-reviews-<courseId>}), opened by its first review: the same rules
 * as a product's ({@link ReviewBook}), written by the course's students once they completed a lesson, and edited only
 * while they still have access to it.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("1")
@SnapshotState
public class CourseReviews {
    @AggregateIdentifier
    private String reviewsId;
    private CourseId courseId;
    private ReviewBook book = new ReviewBook();

    protected CourseReviews() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ReviewId handle(PostCourseReview cmd, CourseStudents students, PersonalData personal) {
        ReviewBook.requireRating(cmd.rating());
        String author = cmd.actor().userId();
        book.requireNew(author, cmd.reviewId(), "course");
        // an instructor who enrolled in their own course is no student whose word counts: it rated itself, as a vendor
        // of its own product would (before 2026-12-06, seventh session; found by a walkthrough)
        if (students.teaches(author, cmd.courseId()))
            throw DomainException.forbidden("an instructor does not review their own course");
        switch (students.standing(author, cmd.courseId())) {
            case NOT_A_STUDENT -> {
                if (courseId == null && !students.courseExists(cmd.courseId()))
                    throw DomainException.notFound("course " + cmd.courseId());
                throw new DomainException(ErrorCode.PURCHASE_REQUIRED, "only the course's students may review it");
            }
            case ENROLLED -> throw new DomainException(ErrorCode.COURSE_NOT_STARTED,
                    "complete at least one lesson of the course before reviewing it");
            case STARTED -> { }
        }
        apply(new CourseReviewPosted(cmd.courseId(), cmd.reviewId(), new UserId(author), cmd.rating(),
                personal.seal(author, ReviewBook.comment(cmd.comment())), book.summary().plus(cmd.rating())));
        return cmd.reviewId();
    }

    /**
     * Its author edits a review while they still study the course: one whose access was taken back (refunded or its
     * order cancelled) may delete their review, not rate the course anew (403 {@code purchase_required}, as a post).
     */
    @CommandHandler
    void handle(EditCourseReview cmd, CourseStudents students, PersonalData personal) {
        ReviewBook.requireRating(cmd.rating());
        ReviewBook.Entry review = book.live(cmd.reviewId());
        if (!review.authorId().equals(cmd.actor().userId()))
            throw DomainException.forbidden("only its author may edit a review");
        if (students.standing(review.authorId(), courseId) == CourseStudents.Standing.NOT_A_STUDENT)
            throw new DomainException(ErrorCode.PURCHASE_REQUIRED, "only the course's students may review it: your access "
                    + "to it ended (refunded or cancelled); you may delete your review");
        apply(new CourseReviewEdited(courseId, cmd.reviewId(), new UserId(review.authorId()), cmd.rating(),
                personal.seal(review.authorId(), ReviewBook.comment(cmd.comment())),
                book.summary().minus(review.rating()).plus(cmd.rating())));
    }

    @CommandHandler
    void handle(DeleteCourseReview cmd) {
        ReviewBook.Entry review = book.live(cmd.reviewId());
        Actor actor = cmd.actor();
        RatingSummary without = book.summary().minus(review.rating());
        if (review.authorId().equals(actor.userId())) {
            apply(new CourseReviewDeleted(courseId, cmd.reviewId(), new UserId(review.authorId()), without));
        } else if (actor.isAdmin()) {
            apply(new CourseReviewRemoved(courseId, cmd.reviewId(), new UserId(review.authorId()), actor.userId(), without));
        } else {
            throw DomainException.forbidden("only its author or an admin may delete a review");
        }
    }

    /**
     * The author's access to the course ended (refunded or cancelled): their live review leaves the course's reviews and
     * rating, as a product's does when its purchase is undone (a refunded student's stars stayed). Nothing when they
     * have no live review.
     */
    @CommandHandler
    void handle(WithdrawCourseReviewOfRevokedAccess cmd) {
        book.liveOf(cmd.authorId().value()).ifPresent(reviewId -> apply(new CourseReviewWithdrawn(courseId, reviewId,
                cmd.authorId(), cmd.reference(), book.summary().minus(book.live(reviewId).rating()))));
    }

    @EventSourcingHandler
    void on(CourseReviewPosted e) {
        reviewsId = ReviewIds.of(e.courseId());
        courseId = e.courseId();
        book.posted(e.reviewId(), e.authorId().value(), e.rating(), e.courseRating());
    }

    @EventSourcingHandler
    void on(CourseReviewEdited e) { book.edited(e.reviewId(), e.rating(), e.courseRating()); }

    @EventSourcingHandler
    void on(CourseReviewDeleted e) { book.deleted(e.reviewId(), e.authorId().value(), e.courseRating()); }

    @EventSourcingHandler
    void on(CourseReviewRemoved e) { book.removed(e.reviewId(), e.authorId().value(), e.courseRating()); }

    @EventSourcingHandler
    void on(CourseReviewWithdrawn e) { book.deleted(e.reviewId(), e.authorId().value(), e.courseRating()); }
}
