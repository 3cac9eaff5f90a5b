package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * A refund succeeded at the gateway: {@code refundedCents} of {@code capturedCents} are back with the buyer now, so the
 * payment is {@code partially_refunded} or {@code refunded} ({@code status}); {@code reason} as given when it was asked for.
 */
@Revision("1")
public record PaymentRefunded(PaymentId paymentId, OrderId orderId, UserId buyer, String refundId, String gatewayRefundId,
                              long amountCents, String currency, long refundedCents, long capturedCents, String status,
                              String reason) {}
