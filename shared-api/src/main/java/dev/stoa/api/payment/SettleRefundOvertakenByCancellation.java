package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The wallet or the payment refused an approved refund request's attempt ({@code paymentRefundId}) as more than is left
 * to give back. When the order is cancelled, its cancellation gave back everything left first, this request's share
 * included: the request is closed ({@link RefundRequestClosed}), its money paid by the cancellation. Otherwise it fails
 * as {@link MarkRefundFailed} does, with {@code reason}. Before 2026-12-06 it failed either way, and staff were asked
 * to retry a refund the buyer had already been paid. A stale attempt or a repeat changes nothing.
 */
public record SettleRefundOvertakenByCancellation(OrderId orderId, RefundRequestId refundId, String paymentRefundId,
                                                  String reason) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
