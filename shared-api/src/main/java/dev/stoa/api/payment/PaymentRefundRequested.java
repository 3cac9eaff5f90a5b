package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** A refund was asked for and its amount set aside; the gateway is asked next (under {@code refundId}). */
@Revision("1")
public record PaymentRefundRequested(PaymentId paymentId, OrderId orderId, String refundId, long amountCents, String currency,
                                     String reason, String requestedBy) {}
