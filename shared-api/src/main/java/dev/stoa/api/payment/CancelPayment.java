package dev.stoa.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway reported the PaymentIntent canceled ({@code payment_intent.canceled}); only an unpaid payment is canceled. */
public record CancelPayment(@TargetAggregateIdentifier PaymentId paymentId, String gatewayEventId, String reason, String intentId) {

    /** Without the intent it names (the payment process, which canceled the payment's own intent). */
    public CancelPayment(PaymentId paymentId, String gatewayEventId, String reason) { this(paymentId, gatewayEventId, reason, null); }
}
