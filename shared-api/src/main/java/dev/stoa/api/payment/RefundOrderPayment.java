package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin's refund of an order's card payment outside refund requests ({@code POST /api/v1/payments/{id}/refund}),
 * decided by the order's refunds ({@code OrderRefunds}) before the payment is asked ({@link RequestRefund}, under
 * {@code refundId}): so it and the approvals of the order's refund requests take the card's room one at a time, and
 * an amount an approved request is still on its way to take is refused here (422 {@code refund_exceeds_captured}),
 * not left to fail that request afterwards. Answers the amount set aside (a {@code Long}); the same {@code refundId}
 * again changes nothing and answers the same.
 */
public record RefundOrderPayment(OrderId orderId, PaymentId paymentId, String refundId, long amountCents, String reason,
                                 String requestedBy) {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
