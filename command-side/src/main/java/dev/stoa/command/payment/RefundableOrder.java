package dev.stoa.command.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.*;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.stoa.command.ordering.PlacedOrders;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What a refund request needs of an order, from the order's own events (the command side sees no read model): buyer,
 * lines and amounts as sold, status, and when and how it was paid ({@code paidAt}: the confirmation's timestamp).
 * {@code cancelledRefundingTheRest}: the order was cancelled ({@link OrderCancelled}), which refunds whatever of its
 * payment was not refunded yet; an order closed by its refunds ({@link OrderClosedByRefunds}, every unit taken back)
 * is cancelled too, but refunds nothing beyond what each request does. {@code shippedItems}: the items of the lines
 * that have left ({@link OrderLinesShipped}).
 */
record RefundableOrder(OrderId orderId, String orderNumber, UserId buyer, List<OrderLine> lines, OrderAmounts amounts,
                       String paymentMethod, String paymentReference, Instant paidAt, OrderStatus status,
                       boolean cancelledRefundingTheRest, Set<String> shippedItems) {

    RefundableOrder(OrderId orderId, String orderNumber, UserId buyer, List<OrderLine> lines, OrderAmounts amounts,
                    String paymentMethod, String paymentReference, Instant paidAt, OrderStatus status,
                    boolean cancelledRefundingTheRest) {
        this(orderId, orderNumber, buyer, lines, amounts, paymentMethod, paymentReference, paidAt, status,
                cancelledRefundingTheRest, Set.of());
    }

    RefundableOrder(OrderId orderId, String orderNumber, UserId buyer, List<OrderLine> lines, OrderAmounts amounts,
                    String paymentMethod, String paymentReference, Instant paidAt, OrderStatus status) {
        this(orderId, orderNumber, buyer, lines, amounts, paymentMethod, paymentReference, paidAt, status,
                status == OrderStatus.CANCELLED);
    }

    static Optional<RefundableOrder> read(EventStore events, OrderId orderId) {
        RefundableOrder[] r = new RefundableOrder[1];
        events.readEvents(orderId.value()).asStream().forEach((EventMessage<?> m) -> {
            Object p = m.getPayload();
            if (p instanceof OrderPlaced e)
                r[0] = new RefundableOrder(e.orderId(), e.orderNumber(), e.buyer(), List.copyOf(e.lines()), e.amounts(),
                        e.paymentMethod(), null, null, OrderStatus.PENDING);
            else if (r[0] != null && p instanceof OrderConfirmed e)
                // an order that cost nothing was paid by nobody: "free", as its order and payment read (its requests
                // read the method chosen at checkout, "wallet", before 2026-12-07; walkthrough Z23)
                r[0] = new RefundableOrder(r[0].orderId, r[0].orderNumber, r[0].buyer, r[0].lines, r[0].amounts,
                        dev.stoa.command.ordering.Checkout.paymentMethod(e.orderId(), e.paymentMethod(), e.paymentReference()),
                        e.paymentReference(), m.getTimestamp(), OrderStatus.CONFIRMED);
            else if (r[0] != null && p instanceof OrderLinesShipped e) r[0] = r[0].shipping(e.itemIds());
            else if (r[0] != null && p instanceof OrderShipped) r[0] = r[0].in(OrderStatus.SHIPPED);
            else if (r[0] != null && p instanceof OrderDelivered) r[0] = r[0].in(OrderStatus.DELIVERED);
            else if (r[0] != null && p instanceof OrderEndedCancelled ended)
                r[0] = r[0].cancelled(ended instanceof OrderCancelled);
        });
        return Optional.ofNullable(r[0]);
    }

    /** The coupon the order redeemed at checkout, if any (from its {@link OrderPlaced}). */
    static Optional<String> coupon(EventStore events, OrderId orderId) {
        return PlacedOrders.of(events, orderId).map(OrderPlaced::couponCode);
    }

    private RefundableOrder in(OrderStatus s) {
        return new RefundableOrder(orderId, orderNumber, buyer, lines, amounts, paymentMethod, paymentReference, paidAt, s,
                false, shippedItems);
    }

    private RefundableOrder cancelled(boolean refundingTheRest) {
        return new RefundableOrder(orderId, orderNumber, buyer, lines, amounts, paymentMethod, paymentReference, paidAt,
                OrderStatus.CANCELLED, refundingTheRest, shippedItems);
    }

    private RefundableOrder shipping(List<String> itemIds) {
        Set<String> shipped = new java.util.HashSet<>(shippedItems);
        shipped.addAll(itemIds);
        return new RefundableOrder(orderId, orderNumber, buyer, lines, amounts, paymentMethod, paymentReference, paidAt,
                status, cancelledRefundingTheRest, Set.copyOf(shipped));
    }
}
