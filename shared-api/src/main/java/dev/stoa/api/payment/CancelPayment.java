package dev.stoa.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway reported the PaymentIntent canceled ({@code payment_intent.canceled}); only an unpaid payment is canceled. */
public record CancelPayment(@TargetAggregateIdentifier PaymentId paymentId, String gatewayEventId, String reason) {}
