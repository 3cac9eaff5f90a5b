package dev.stoa.api.review;

import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The actor reviews a course: {@code rating} 1 to 5 stars, {@code comment} optional (at most
 * {@link PostReview#MAX_COMMENT} characters). Only a student of the course with at least one lesson completed, once.
 */
public record PostCourseReview(CourseId courseId, ReviewId reviewId, int rating, String comment, Actor actor) {
    @TargetAggregateIdentifier
    public String reviewsId() { return ReviewIds.of(courseId); }
}
