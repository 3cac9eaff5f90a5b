package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Admin or support try a failed card refund of a refund request again ({@link RefundRetried}): a new attempt with a
 * refund id, and so a gateway idempotency key, of its own. Only a {@code failed} request is retried (409
 * {@code invalid_transition} otherwise), so at most one attempt is under way and at most one succeeds. Answers the event.
 */
public record RetryRefund(OrderId orderId, RefundRequestId refundId, Actor actor) {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
