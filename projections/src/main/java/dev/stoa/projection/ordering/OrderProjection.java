package dev.stoa.projection.ordering;

import dev.stoa.api.identity.UserErased;
import dev.stoa.api.ordering.*;
import dev.stoa.api.platform.PersonalData;
import jakarta.persistence.EntityNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Builds {@code order_view}, {@code order_line_view} and {@code order_history_view}: each status the order reaches is a
 * history entry with the event's time. Sealed fields (address, notes, reason) are opened here; an erased buyer's read
 * {@code [erased]}.
 */
@Component
@ProcessingGroup(OrderProjection.NAME)
public class OrderProjection {
    public static final String NAME = "order-read-model";
    private final OrderViewRepository orders;
    private final OrderLineViewRepository lines;
    private final OrderHistoryViewRepository history;
    private final PersonalData personal;
    private final JdbcTemplate jdbc;

    public OrderProjection(OrderViewRepository orders, OrderLineViewRepository lines, OrderHistoryViewRepository history,
                           PersonalData personal, JdbcTemplate jdbc) {
        this.orders = orders;
        this.lines = lines;
        this.history = history;
        this.personal = personal;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderPlaced e, @Timestamp Instant at) {
        String id = e.orderId().value();
        String buyer = e.buyer().value();
        lockBuyer(buyer, false); // before its fields are opened: see on(UserErased)
        OrderEntity order = new OrderEntity(id, e.orderNumber(), buyer, at);
        OrderAmounts a = e.amounts();
        order.amounts(a.subtotalCents(), a.discountCents(), a.taxCents(), a.shippingCents(), a.totalCents(), a.currency());
        UnaryOperator<String> open = personal.opener(buyer); // one key look-up for all of the order's fields
        order.checkout(e.couponCode(), e.paymentMethod(), open.apply(e.notes()), e.holdUntil());
        ShippingAddress s = e.shippingAddress();
        if (s != null)
            order.address(open.apply(s.recipientName()), open.apply(s.streetLine1()), open.apply(s.streetLine2()),
                    open.apply(s.city()), open.apply(s.state()), open.apply(s.postalCode()), s.countryCode());
        int placed = order.nextHistoryEntry();
        orders.save(order);
        for (int i = 0; i < e.lines().size(); i++) {
            OrderLine l = e.lines().get(i);
            lines.save(new OrderLineEntity(id, i, l.itemType(), l.itemId(), l.vendorId().value(), l.nameSnapshot(),
                    l.skuSnapshot(), l.unitPriceCents(), l.quantity(), l.lineTotalCents(), l.physical()));
        }
        history.save(new OrderHistoryEntity(id, placed, OrderStatus.PENDING.value(), at));
    }

    @EventHandler
    void on(OrderConfirmed e, @Timestamp Instant at) {
        OrderEntity order = reached(e.orderId(), OrderStatus.CONFIRMED, at);
        order.paid(e.paymentReference());
    }

    @EventHandler
    void on(OrderLinesShipped e, @Timestamp Instant at) {
        linesOf(e.orderId(), e.itemIds()).forEach(l -> l.shipped(e.trackingNumber(), at));
    }

    @EventHandler
    void on(OrderLinesWithdrawn e) {
        for (WithdrawnUnits units : e.units())
            linesOf(e.orderId(), List.of(units.itemId())).forEach(l -> l.withdrawn(units.quantity()));
        if (e.unitsSentBack() != null) // shown since 2026-12-07 (walkthrough Z21: neither buyer nor vendor saw them)
            for (WithdrawnUnits units : e.unitsSentBack())
                linesOf(e.orderId(), List.of(units.itemId())).forEach(l -> l.sentBack(units.quantity()));
    }

    @EventHandler
    void on(OrderShipped e, @Timestamp Instant at) { reached(e.orderId(), OrderStatus.SHIPPED, at); }

    @EventHandler
    void on(OrderLinesDelivered e, @Timestamp Instant at) { linesOf(e.orderId(), e.itemIds()).forEach(l -> l.delivered(at)); }

    @EventHandler
    void on(OrderDelivered e, @Timestamp Instant at) { reached(e.orderId(), OrderStatus.DELIVERED, at); }

    @EventHandler
    void on(OrderCancelled e, @Timestamp Instant at) {
        OrderEntity order = reached(e.orderId(), OrderStatus.CANCELLED, at);
        order.cancelled(CancelOrder.fixedReason(e.reason()) ? e.reason() : personal.open(e.buyer().value(), e.reason()));
    }

    @EventHandler
    void on(OrderClosedByRefunds e, @Timestamp Instant at) {
        reached(e.orderId(), OrderStatus.CANCELLED, at).cancelled(CancelOrder.REFUNDED);
    }

    /**
     * Handled in whichever order with the buyer's orders' events (another aggregate's): see anonymise. Also at the
     * same time, by another segment's thread: both lock the row first, so neither writes back what it read before
     * the other committed (an order cancelled beside its buyer's erasure kept its address). A row another segment is
     * inserting has nothing to lock yet: the buyer's lock orders the two. An order placed before the erasure but
     * stored by a batch still open waits for this scrub's lock, or this scrub waits for that batch and then finds
     * its row; one placed after the scrub opens its fields once the key is gone, and reads erased (an order placed
     * just before its buyer's erasure kept its address and notes, when the two were in different segments).
     */
    @EventHandler
    void on(UserErased e) {
        lockBuyer(e.userId().value(), true);
        orders.findByBuyerIdOrderById(e.userId().value()).forEach(o -> o.anonymise(!CancelOrder.fixedReason(o.getCancelReason())));
    }

    /**
     * The buyer's lock, until this transaction ends: shared by the handlers that store a new order of the buyer (they
     * never wait for each other), exclusive for the buyer's erasure. A PostgreSQL advisory lock on a hash of the
     * buyer's id (a collision only makes two buyers wait for each other). Only two erasures can wait for each other:
     * each in a batch that holds a new order of the other's buyer. PostgreSQL then ends one of them (a deadlock),
     * which is an outage to the processor ({@code Outages}): it retries that batch, nothing is parked. A rebuild runs
     * that worker's transaction again too ({@code EventReplay}).
     */
    private void lockBuyer(String buyer, boolean exclusive) {
        jdbc.query("select " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtextextended(?, 0))", (RowCallbackHandler) row -> {}, "order-view-buyer:" + buyer);
    }

    @ResetHandler
    void reset() {
        history.deleteAllInBatch();
        lines.deleteAllInBatch();
        orders.deleteAllInBatch();
    }

    private OrderEntity reached(OrderId orderId, OrderStatus status, Instant at) {
        OrderEntity order = orders.lockById(orderId.value())
                .orElseThrow(() -> new EntityNotFoundException("no order_view row for " + orderId.value()));
        order.status(status.value(), at);
        history.save(new OrderHistoryEntity(orderId.value(), order.nextHistoryEntry(), status.value(), at));
        return order;
    }

    private List<OrderLineEntity> linesOf(OrderId orderId, List<String> itemIds) {
        return lines.findByOrderIdOrderByLineNo(orderId.value()).stream().filter(l -> itemIds.contains(l.getItemId())).toList();
    }
}
