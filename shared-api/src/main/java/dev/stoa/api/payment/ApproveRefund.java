package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Admin or support approve an open refund request: its amount is computed to the cent ({@link RefundApproved}) and paid
 * back where the order was paid. Approving a decided request is 409 {@code invalid_transition}. Answers the event.
 */
public record ApproveRefund(OrderId orderId, RefundRequestId refundId, Actor actor) {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
