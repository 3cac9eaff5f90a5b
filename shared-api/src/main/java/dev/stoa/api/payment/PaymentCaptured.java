package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** The money was received ({@code captured}); the order is confirmed next, or, if it is gone, the payment refunded. */
@Revision("1")
public record PaymentCaptured(PaymentId paymentId, OrderId orderId, UserId buyer, long amountCents, String currency,
                              String intentId, String gatewayEventId) {}
