package dev.stoa.api.review;

import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author replaces rating and comment of their own course review. */
public record EditCourseReview(CourseId courseId, ReviewId reviewId, int rating, String comment, Actor actor) {
    @TargetAggregateIdentifier
    public String reviewsId() { return ReviewIds.of(courseId); }
}
