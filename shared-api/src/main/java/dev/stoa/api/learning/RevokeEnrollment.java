package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take back exactly the grant {@code reference} ({@code reason} refunded or cancelled); other grants keep access.
 * Nothing happens for a reference that granted nothing or is revoked already; 404 when the user was never enrolled.
 */
public record RevokeEnrollment(UserId userId, CourseId courseId, String reference, String reason) {
    public static final String REFUNDED = "refunded", CANCELLED = "cancelled";

    @TargetAggregateIdentifier
    public String enrollmentId() { return EnrollmentId.of(userId, courseId).value(); }
}
