package dev.stoa.api.review;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import org.axonframework.serialization.Revision;

/**
 * A student reviewed a course. {@code comment} (null when none) is sealed with the author's key.
 * {@code courseRating}: the course's rating with this review.
 */
@Revision("1")
public record CourseReviewPosted(CourseId courseId, ReviewId reviewId, UserId authorId, int rating, String comment,
                                 RatingSummary courseRating) {}
