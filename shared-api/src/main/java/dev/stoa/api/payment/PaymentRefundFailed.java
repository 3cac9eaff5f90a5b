package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** The gateway refused or failed a refund: its amount may be refunded again. */
@Revision("1")
public record PaymentRefundFailed(PaymentId paymentId, OrderId orderId, String refundId, long amountCents, String reason) {}
