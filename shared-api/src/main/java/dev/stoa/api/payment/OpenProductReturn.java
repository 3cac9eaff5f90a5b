package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approved refund request's product units that had left already (the order answered them to
 * {@code WithdrawRefundedUnits}): the buyer sends them back, and a return is opened for them ({@link ProductReturnOpened}).
 * Once per request: again changes nothing. No caller of its own: sent after the approval (and by the refund process
 * again after a crash).
 */
public record OpenProductReturn(OrderId orderId, RefundRequestId refundId, List<RefundItem> items)
        implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
