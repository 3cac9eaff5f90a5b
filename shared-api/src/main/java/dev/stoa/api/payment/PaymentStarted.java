package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** A card payment for an order was opened, {@code pending}, with its PaymentIntent at the gateway (no client secret). */
@Revision("1")
public record PaymentStarted(PaymentId paymentId, OrderId orderId, UserId buyer, long amountCents, String currency,
                             String gateway, String intentId) {}
