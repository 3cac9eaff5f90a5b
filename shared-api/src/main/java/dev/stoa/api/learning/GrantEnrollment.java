package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grant {@code userId} access to a course ({@code source} free, wallet or order; {@code reference} what granted it:
 * {@code free}, the wallet purchase id, the order id). Free and wallet grants need a published, unarchived course and
 * are refused with 409 {@code course_already_owned} while the student has access; an order grant is always recorded
 * (the order was paid). Idempotent per reference. Answers the {@link EnrollmentId}.
 * <p>
 * An order's grant is sent by {@code course-entitlements} when it meets the order's confirmation, and by a wallet
 * purchase's request itself ({@code POST /courses/{id}/enroll}): whichever comes first grants, so when the processor's
 * copy wins the race its {@code EnrollmentGranted} is the request's write ({@link CompletesItsWrite}), and the
 * request's {@code X-Stoa-Position} covers it.
 */
public record GrantEnrollment(UserId userId, CourseId courseId, String source, String reference, long paidCents,
                              String currency) implements CompletesItsWrite {
    public static final String FREE = "free", WALLET = "wallet", ORDER = "order";

    @TargetAggregateIdentifier
    public String enrollmentId() { return EnrollmentId.of(userId, courseId).value(); }
}
