package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grant {@code userId} access to a course ({@code source} free, wallet or order; {@code reference} what granted it:
 * {@code free}, the wallet purchase id, the order id). Free and wallet grants need a published, unarchived course and
 * are refused with 409 {@code course_already_owned} while the student has access; an order grant is always recorded
 * (the order was paid). Idempotent per reference. Answers the {@link EnrollmentId}.
 */
public record GrantEnrollment(UserId userId, CourseId courseId, String source, String reference, long paidCents,
                              String currency) {
    public static final String FREE = "free", WALLET = "wallet", ORDER = "order";

    @TargetAggregateIdentifier
    public String enrollmentId() { return EnrollmentId.of(userId, courseId).value(); }
}
