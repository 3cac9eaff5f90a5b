package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The order's buyer asks for a refund of the whole order ({@code items} null or empty: everything not refunded yet) or
 * of some units of its lines. Eligible for a confirmed, shipped or delivered order within the refund window of its
 * payment, course lines under the progress limit; one open request per order (409 {@code refund_request_open}); never
 * more units than are left unrefunded on a line (422 {@code refund_exceeds_remaining}). Another user's order is 404.
 */
public record RequestOrderRefund(RefundRequestId refundId, OrderId orderId, String reason, List<RefundItem> items, Actor actor) {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
