package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The money of an approved refund request is back with the buyer (wallet credited, card refund succeeded); idempotent. */
public record MarkRefundPaid(OrderId orderId, RefundRequestId refundId, String paymentReference) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
