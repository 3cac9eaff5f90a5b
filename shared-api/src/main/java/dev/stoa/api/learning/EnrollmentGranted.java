package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * An entitlement to a course was granted: by a free enrollment ({@code source} {@code free}), a wallet purchase
 * ({@code wallet}, {@code reference} the purchase id that the wallet debit names) or a confirmed order line
 * ({@code order}, {@code reference} the order id). {@code paidCents} of {@code currency} is what it cost (0, currency
 * null when free). The first grant opens the enrollment; access lasts while one grant is unrevoked.
 */
@Revision("1")
public record EnrollmentGranted(EnrollmentId enrollmentId, UserId userId, CourseId courseId, String source,
                                String reference, long paidCents, String currency) {}
