package dev.stoa.api.review;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import org.axonframework.serialization.Revision;

/** The author deleted their course review; they may review the course again. {@code courseRating}: without it. */
@Revision("1")
public record CourseReviewDeleted(CourseId courseId, ReviewId reviewId, UserId authorId, RatingSummary courseRating) {}
