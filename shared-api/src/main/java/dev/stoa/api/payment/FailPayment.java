package dev.stoa.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway reported a failed attempt ({@code payment_intent.payment_failed}) with the decline code and message it
 * gave. Only a pending payment fails; after a capture, or again, it changes nothing. {@code intentId}: the intent the
 * event is about; another than the payment's own (an intent of another integration whose metadata names this payment)
 * changes nothing.
 */
public record FailPayment(@TargetAggregateIdentifier PaymentId paymentId, String gatewayEventId, String failureCode,
                          String failureMessage, String intentId) {

    /** Without the intent it names (not from a webhook). */
    public FailPayment(PaymentId paymentId, String gatewayEventId, String failureCode, String failureMessage) {
        this(paymentId, gatewayEventId, failureCode, failureMessage, null);
    }
}
