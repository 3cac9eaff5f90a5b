package dev.stoa.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway reported a failed attempt ({@code payment_intent.payment_failed}) with the decline code and message it
 * gave. Only a pending payment fails; after a capture, or again, it changes nothing.
 */
public record FailPayment(@TargetAggregateIdentifier PaymentId paymentId, String gatewayEventId, String failureCode,
                          String failureMessage) {}
