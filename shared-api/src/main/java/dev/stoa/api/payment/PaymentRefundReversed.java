package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * A refund the gateway had reported succeeded failed after all (Stripe moves a refund from {@code succeeded} to
 * {@code failed} when the card's bank refuses it later, e.g. a closed card): its {@code amountCents} never went back to
 * the buyer. {@code refundedCents} of {@code capturedCents} are refunded now, and {@code status} is the payment's after
 * it ({@code captured} or {@code partially_refunded}); the amount may be refunded again. {@code reason}: the gateway's
 * word (no personal data).
 */
@Revision("1")
public record PaymentRefundReversed(PaymentId paymentId, OrderId orderId, UserId buyer, String refundId, long amountCents,
                                    String currency, long refundedCents, long capturedCents, String status, String reason) {}
