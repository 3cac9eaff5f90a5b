package dev.stoa.api.review;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import org.axonframework.serialization.Revision;

/**
 * Moderation: an admin ({@code removedBy}) removed a course review; its author may not review the course again.
 * {@code courseRating}: the rating without it.
 */
@Revision("1")
public record CourseReviewRemoved(CourseId courseId, ReviewId reviewId, UserId authorId, String removedBy,
                                  RatingSummary courseRating) {}
