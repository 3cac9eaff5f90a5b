package dev.stoa.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What the gateway says about a refund: {@code status} {@code succeeded} (the money is back with the buyer),
 * {@code failed} or {@code canceled} (the amount is free again; {@code failureReason} the gateway's word, e.g. Stripe's
 * {@code failure_reason} or its refusal), anything else (pending) nothing yet. Refunds the gateway made on its own (its
 * dashboard) come with a {@code refundId} of their own and are counted when they succeed. {@code gatewayEventId}: the
 * webhook event it came with, if any. {@code intentId}: the intent the refund is of, when the gateway says; a refund of
 * another intent than the payment's own changes nothing.
 */
public record RecordRefund(@TargetAggregateIdentifier PaymentId paymentId, String refundId, String gatewayRefundId,
                           long amountCents, String status, String gatewayEventId, String failureReason, String intentId) {

    /** Without the intent the refund is of. */
    public RecordRefund(PaymentId paymentId, String refundId, String gatewayRefundId, long amountCents, String status,
                        String gatewayEventId, String failureReason) {
        this(paymentId, refundId, gatewayRefundId, amountCents, status, gatewayEventId, failureReason, null);
    }
}
