package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The card refund of an approved refund request failed at the gateway ({@code paymentRefundId}: the payment's refund
 * of that attempt, {@code reason}: the gateway's word): the request becomes {@code failed} until admin or support
 * retry it; also a request refunded already whose card refund failed after all (the bank refused it later), and a
 * wallet refund the wallet refused. A failure of an attempt that is no longer the current one changes nothing; so does
 * a repeat.
 */
public record MarkRefundFailed(OrderId orderId, RefundRequestId refundId, String paymentRefundId, String reason) {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
