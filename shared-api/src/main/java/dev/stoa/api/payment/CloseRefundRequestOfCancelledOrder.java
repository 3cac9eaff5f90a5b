package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The order was cancelled: its open refund request, if any, is closed ({@link RefundRequestClosed}), since the
 * cancellation refunds what was paid. Sent by the refund process on {@code OrderCancelled}; nothing open changes nothing.
 */
public record CloseRefundRequestOfCancelledOrder(OrderId orderId, String orderNumber) {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
