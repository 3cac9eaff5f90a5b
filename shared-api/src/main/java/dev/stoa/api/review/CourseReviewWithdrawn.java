package dev.stoa.api.review;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import org.axonframework.serialization.Revision;

/**
 * The review no longer stands for a student: its author's access to the course ended ({@code reference}: the grant
 * refunded or cancelled last). It leaves the course's reviews and rating ({@code courseRating}: without it); its
 * author may review again once they study the course again.
 */
@Revision("1")
public record CourseReviewWithdrawn(CourseId courseId, ReviewId reviewId, UserId authorId, String reference,
                                    RatingSummary courseRating) {}
