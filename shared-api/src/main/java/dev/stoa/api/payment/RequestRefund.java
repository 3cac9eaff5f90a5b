package dev.stoa.api.payment;

import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets aside {@code amountCents} of a captured payment for a refund named {@code refundId} (its gateway idempotency
 * key); {@code amountCents} null: whatever is not refunded yet (nothing left: nothing happens). The refunds of a
 * payment, pending ones included, add up to at most what was captured (422 {@code refund_exceeds_captured}); the same
 * {@code refundId} again changes nothing. Answers the amount set aside (a {@code Long}, 0 when nothing). An approved
 * refund request's is sent by the approval's request and by {@code refund-process}, whichever first (see
 * {@link CompletesItsWrite}); the others each under a refund id of their own.
 */
public record RequestRefund(@TargetAggregateIdentifier PaymentId paymentId, String refundId, Long amountCents,
                            String reason, String requestedBy) implements CompletesItsWrite {}
