package dev.stoa.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway reported the PaymentIntent succeeded ({@code payment_intent.succeeded}, Stripe event {@code gatewayEventId}):
 * {@code amountCents} were received. Applied once per payment; a repeat or a late event changes nothing.
 */
public record CapturePayment(@TargetAggregateIdentifier PaymentId paymentId, String gatewayEventId, String intentId,
                             long amountCents, String currency) {}
