package dev.stoa.api.review;

import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author deletes their course review, or an admin removes anyone's. */
public record DeleteCourseReview(CourseId courseId, ReviewId reviewId, Actor actor) {
    @TargetAggregateIdentifier
    public String reviewsId() { return ReviewIds.of(courseId); }
}
