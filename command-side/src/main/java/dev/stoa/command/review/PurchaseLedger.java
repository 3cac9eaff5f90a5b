package dev.stoa.command.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.EnrollmentRevoked;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderClosedByRefunds;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.payment.OrderRefundsId;
import dev.stoa.api.payment.RefundApproved;
import dev.stoa.api.payment.RefundLineAmount;
import dev.stoa.api.review.ReviewIds;
import dev.stoa.command.ordering.PlacedOrders;
import dev.stoa.api.review.WithdrawCourseReviewOfRevokedAccess;
import dev.stoa.api.review.WithdrawReviewOfUndonePurchase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code review_purchase}: every item of every order with the order's state (pending, confirmed, cancelled), so the
 * review rules can tell a verified buyer. Shipped and delivered orders were confirmed first and stay confirmed here.
 * Built from the ordering events by its own processor (from the start of the log, rebuildable); its token commits with
 * its rows, and a checkout waits for it like for any read model of its process (read-your-writes), so a buyer whose
 * checkout answered may review at once. Every statement is idempotent.
 * <p>
 * It also withdraws the reviews that no longer stand for a purchase: a product's when its buyer's paid order is undone
 * and they hold no other, a course's when its student's access ended. Those commands are sent when the events happen,
 * never on a replay of this processor.
 */
@Component
@ProcessingGroup(PurchaseLedger.NAME)
class PurchaseLedger {
    static final String NAME = "review-purchases";
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final EventStore events;

    PurchaseLedger(JdbcTemplate jdbc, CommandGateway commands, EventStore events) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.events = events;
    }

    @EventHandler
    void on(OrderPlaced e) {
        for (OrderLine line : e.lines()) {
            jdbc.update("insert into review_purchase(order_id, item_type, item_id, buyer_id, status) values (?, ?, ?, ?, 'pending') "
                    + "on conflict do nothing", e.orderId().value(), line.itemType(), line.itemId(), e.buyer().value());
        }
    }

    @EventHandler
    void on(OrderConfirmed e) {
        jdbc.update("update review_purchase set status = 'confirmed' where order_id = ? and status = 'pending'",
                e.orderId().value());
    }

    @EventHandler
    void on(OrderCancelled e, ReplayStatus replay) {
        jdbc.update("update review_purchase set status = 'cancelled' where order_id = ?", e.orderId().value());
        if (!OrderStatus.PENDING.value().equals(e.previousStatus())) withdrawReviews(e.orderId(), e.buyer(), replay);
    }

    /** Every unit refunded before it shipped: the buyer never had the product. */
    @EventHandler
    void on(OrderClosedByRefunds e, ReplayStatus replay) {
        jdbc.update("update review_purchase set status = 'cancelled' where order_id = ?", e.orderId().value());
        withdrawReviews(e.orderId(), e.buyer(), replay);
    }

    /**
     * Refund requests gave back every unit the order had of a product, shipped or not (its goods come back by a
     * return): the buyer holds nothing of it from this order, as after a cancellation, and their review of it is
     * withdrawn unless they hold another purchase. Counted over every approved request of the order (this one and those
     * before). Before 2026-12-06 (seventh session) only an order cancelled, or closed by refunds before anything shipped,
     * undid its purchases: a product delivered, returned and refunded kept its review, and so did one refunded whole
     * beside a cheap line kept (found by walkthroughs).
     */
    @EventHandler
    void on(RefundApproved e, ReplayStatus replay) {
        Map<String, Integer> refunded = new HashMap<>();
        for (Object p : events.readEvents(OrderRefundsId.of(e.orderId()), 0).asStream().map(m -> (Object) m.getPayload()).toList())
            if (p instanceof RefundApproved approved)
                for (RefundLineAmount line : approved.lines())
                    if (OrderLine.PRODUCT.equals(line.itemType())) refunded.merge(line.itemId(), line.quantity(), Integer::sum);
        Map<String, Integer> bought = new HashMap<>();
        PlacedOrders.of(events, e.orderId()).ifPresent(placed -> {
            for (OrderLine line : placed.lines())
                if (OrderLine.PRODUCT.equals(line.itemType())) bought.merge(line.itemId(), line.quantity(), Integer::sum);
        });
        List<String> undone = bought.entrySet().stream().filter(b -> refunded.getOrDefault(b.getKey(), 0) >= b.getValue())
                .map(Map.Entry::getKey).sorted().toList();
        for (String product : undone)
            jdbc.update("update review_purchase set status = 'cancelled' where order_id = ? and item_type = ? and item_id = ?",
                    e.orderId().value(), OrderLine.PRODUCT, product);
        withdrawReviews(undone, e.orderId(), e.buyer(), replay);
    }

    /**
     * A paid order undone: of each of its products that the buyer now holds no other purchase of, their review (if
     * any) is withdrawn from the product's reviews and rating. Not on a replay, which rebuilds this table only: the
     * reviews were withdrawn when it happened (and a replay's view of the past must not withdraw a review written
     * after a later purchase). A product nobody reviewed has no reviews to ask.
     */
    private void withdrawReviews(OrderId orderId, UserId buyer, ReplayStatus replay) {
        if (replay.isReplay()) return;
        withdrawReviews(jdbc.queryForList("select distinct item_id from review_purchase where order_id = ? and item_type = ?",
                String.class, orderId.value(), OrderLine.PRODUCT), orderId, buyer, replay);
    }

    /** Of these products of the order, the buyer's review of each they hold no other purchase of is withdrawn. */
    private void withdrawReviews(List<String> products, OrderId orderId, UserId buyer, ReplayStatus replay) {
        if (replay.isReplay()) return;
        for (String product : products) {
            boolean holdsAnother = Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from review_purchase "
                    + "where buyer_id = ? and item_type = ? and item_id = ? and status = 'confirmed')", Boolean.class,
                    buyer.value(), OrderLine.PRODUCT, product));
            ProductId productId = new ProductId(product);
            if (holdsAnother || !events.readEvents(ReviewIds.of(productId), 0).hasNext()) continue;
            commands.sendAndWait(new WithdrawReviewOfUndonePurchase(productId, buyer, orderId));
        }
    }

    /**
     * A student's access to a course ended (its last grant refunded or cancelled): their review of it, if any, is
     * withdrawn, as a product's is when its purchase is undone. Not on a replay.
     */
    @EventHandler
    void on(EnrollmentRevoked e, ReplayStatus replay) {
        if (e.accessActive() || replay.isReplay() || !events.readEvents(ReviewIds.of(e.courseId()), 0).hasNext()) return;
        commands.sendAndWait(new WithdrawCourseReviewOfRevokedAccess(e.courseId(), e.userId(), e.reference()));
    }

    @ResetHandler
    void reset() { jdbc.update("delete from review_purchase"); }
}
