package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The order's card payment is refunded whole, by whatever refunds: its failed refund requests have nothing left to pay,
 * and each is closed ({@link RefundRequestClosed}). Sent by the refund process on a {@code PaymentRefunded} that leaves
 * the payment refunded; nothing failed changes nothing. Before 2026-12-06 (fifth session) a request whose refund lost
 * its race with an admin's refund of the payment stayed failed for good, even once staff had refunded the rest.
 */
public record CloseRefundsPaidOtherwise(OrderId orderId) {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
