package dev.stoa.api.review;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import org.axonframework.serialization.Revision;

/** The author changed their course review (comment sealed with the author's key). {@code courseRating}: now. */
@Revision("1")
public record CourseReviewEdited(CourseId courseId, ReviewId reviewId, UserId authorId, int rating, String comment,
                                 RatingSummary courseRating) {}
