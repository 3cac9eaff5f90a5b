package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take back exactly the grant {@code reference} ({@code reason} refunded or cancelled); other grants keep access.
 * Nothing happens for a reference that granted nothing or is revoked already; 404 when the user was never enrolled.
 * Sent by the request that cancels the order or approves the refund, and by {@code course-entitlements} on its event,
 * whichever first (see {@link CompletesItsWrite}).
 */
public record RevokeEnrollment(UserId userId, CourseId courseId, String reference, String reason) implements CompletesItsWrite {
    public static final String REFUNDED = "refunded", CANCELLED = "cancelled";

    @TargetAggregateIdentifier
    public String enrollmentId() { return EnrollmentId.of(userId, courseId).value(); }
}
