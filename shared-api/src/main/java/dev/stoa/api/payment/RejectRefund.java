package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Admin or support reject an open refund request, saying why; a decided one is 409 {@code invalid_transition}.
 * {@code again}: a retry of one whose answer was lost; the caller's own rejection is answered as done.
 */
public record RejectRefund(OrderId orderId, RefundRequestId refundId, String reason, Actor actor, boolean again) {
    public RejectRefund(OrderId orderId, RefundRequestId refundId, String reason, Actor actor) {
        this(orderId, refundId, reason, actor, false);
    }

    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
