package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the card payment of an order once the gateway created its PaymentIntent ({@code intentId}); {@code gateway}
 * names the adapter ({@code stripe} or {@code sandbox}). Starting a payment that exists for the same order and intent
 * changes nothing.
 */
public record StartPayment(@TargetAggregateIdentifier PaymentId paymentId, OrderId orderId, UserId buyer, long amountCents,
                           String currency, String gateway, String intentId) {}
