package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Admin or support record that returned units of a refund request arrived ({@code items}: product and quantity; a
 * return may arrive in several parcels). At most the units the return opened for, less those received already (422
 * {@code return_exceeds_opened}); a request without a return is 409 {@code invalid_transition}. {@code receiptId}
 * names this parcel: the same receipt again changes nothing. Answers {@link ProductReturnReceived}, or null for a repeat.
 */
public record ReceiveReturn(OrderId orderId, RefundRequestId refundId, String receiptId, List<RefundItem> items, Actor actor) {
    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }
}
