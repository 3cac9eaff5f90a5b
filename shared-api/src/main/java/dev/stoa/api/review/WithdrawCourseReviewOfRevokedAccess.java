package dev.stoa.api.review;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code authorId}'s access to the course ended: its last grant ({@code reference}: the order, or the wallet purchase)
 * was refunded or cancelled. Their live review, if any, is withdrawn ({@link CourseReviewWithdrawn}); nothing
 * otherwise. Sent by {@code review-purchases}, never on a replay; the cancellation's or refund's answer covers it
 * ({@link CompletesItsWrite}).
 */
public record WithdrawCourseReviewOfRevokedAccess(CourseId courseId, UserId authorId, String reference)
        implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String reviewsId() { return ReviewIds.of(courseId); }
}
