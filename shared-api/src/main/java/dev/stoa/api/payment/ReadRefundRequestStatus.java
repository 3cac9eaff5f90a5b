package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A refund request's status as its order's refunds hold it now ({@code requested}, {@code approved}, {@code refunded},
 * {@code failed}, {@code rejected}, {@code closed}): the approval answers it once it has paid what it could pay in its
 * request (a wallet's, or nothing to pay), so its answer says what the request's read says next (it said
 * {@code approved} of a request refunded before the answer until 2026-12-07, sixth session; walkthrough Z26). Changes
 * nothing.
 */
public record ReadRefundRequestStatus(OrderId orderId, RefundRequestId refundId) {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
