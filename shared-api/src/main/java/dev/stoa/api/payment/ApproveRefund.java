package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Admin or support approve an open refund request: its amount is computed to the cent ({@link RefundApproved}) and paid
 * back where the order was paid. Approving a decided request is 409 {@code invalid_transition}. Answers the event.
 * {@code again}: the request retries, under its Idempotency-Key, one whose answer was lost: the caller's own approval
 * of it is answered as decided (since 2026-12-06, eighth session: it was 409, to the very admin who approved it).
 */
public record ApproveRefund(OrderId orderId, RefundRequestId refundId, Actor actor, boolean again) {
    public ApproveRefund(OrderId orderId, RefundRequestId refundId, Actor actor) { this(orderId, refundId, actor, false); }

    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
