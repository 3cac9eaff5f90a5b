package dev.stoa.command.ordering;

import dev.stoa.api.identity.UserDeactivated;
import dev.stoa.api.identity.UserErased;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.CancelOrderOfClosedSeller;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderDelivered;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderClosedByRefunds;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderShipped;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.payment.RefundApproved;
import dev.stoa.api.payment.RefundUnitsOfClosedSeller;
import dev.stoa.command.platform.web.Commands;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A closed seller's orders are turned back: when a vendor's or an instructor's account is deactivated or erased, each
 * order with a line of theirs gets {@link CancelOrderOfClosedSeller}, and the order decides (an unpaid one is
 * cancelled; a paid one whose seller's units are still to ship, nothing shipped, no course granted and no other seller's
 * units in it, is cancelled and refunded whole). A paid order it leaves standing gets {@link RefundUnitsOfClosedSeller}:
 * the seller's units still to ship are refunded alone, and the rest of the order goes on (since 2026-12-07; before, an
 * order with another seller's lines was cancelled whole, and one that had shipped anything or held a course was left
 * as it was, the seller's units paid for and never to come). An order placed or paid after its seller closed gets it
 * when that happens. Before 2026-12-06 (eighth session) only a card payment arriving after the closing was turned back (by
 * {@code payment-process}); an order paid before stayed {@code confirmed}, its money kept for a shipment nobody would make.
 * <p>
 * Keeps its own ledger ({@code closed_seller_order_seller}, {@code closed_seller_order}: ids only), in the processor's
 * transaction, and one segment, so the closing and the orders' events are met in the log's order: an order paid a moment
 * before the closing is among the seller's orders when the closing is handled, and one paid a moment after finds the
 * seller closed. The ledger forgets an order once it has shipped whole, is delivered or ends cancelled (before
 * 2026-12-07, once it shipped anything: a seller who closed after another seller's lines left was not met). From the start of the log, so the
 * paid orders of sellers closed before this version are found too; sends commands, so never replayed; the command
 * changes nothing when sent again.
 */
@Component
@ProcessingGroup(ClosedSellerOrders.NAME)
@DisallowReplay
class ClosedSellerOrders {
    static final String NAME = "closed-seller-orders";
    private static final Logger log = LoggerFactory.getLogger(ClosedSellerOrders.class);
    private final JdbcTemplate jdbc;
    private final Commands commands;

    ClosedSellerOrders(JdbcTemplate jdbc, Commands commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(OrderPlaced e) {
        List<String> sellers = e.lines().stream().map(l -> l.vendorId().value()).distinct().toList();
        for (String seller : sellers)
            jdbc.update("insert into closed_seller_order (seller_id, order_id) values (?, ?) on conflict do nothing", seller,
                    e.orderId().value());
        turnBackIfClosed(e.orderId());
    }

    @EventHandler
    void on(OrderConfirmed e) { turnBackIfClosed(e.orderId()); }

    @EventHandler
    void on(OrderShipped e) { forget(e.orderId()); }

    @EventHandler
    void on(OrderDelivered e) { forget(e.orderId()); }

    @EventHandler
    void on(OrderCancelled e) { forget(e.orderId()); }

    @EventHandler
    void on(OrderClosedByRefunds e) { forget(e.orderId()); }

    @EventHandler
    void on(UserDeactivated e) { closed(e.userId()); }

    @EventHandler
    void on(UserErased e) { closed(e.userId()); }

    private void closed(UserId seller) {
        jdbc.update("insert into closed_seller_order_seller (seller_id) values (?) on conflict do nothing", seller.value());
        List<String> orders = jdbc.queryForList("select order_id from closed_seller_order where seller_id = ? order by order_id",
                String.class, seller.value());
        for (String order : orders) turnBack(new OrderId(order), seller);
    }

    /** The order's sellers who closed already: each has the order turned back. */
    private void turnBackIfClosed(OrderId order) {
        List<String> closed = jdbc.queryForList("select o.seller_id from closed_seller_order o join closed_seller_order_seller s "
                + "on s.seller_id = o.seller_id where o.order_id = ? order by o.seller_id", String.class, order.value());
        for (String seller : closed) turnBack(order, new UserId(seller));
    }

    private void turnBack(OrderId order, UserId seller) {
        Object cancelled = commands.send(new CancelOrderOfClosedSeller(order, seller));
        if (cancelled != null) {
            log.info("Seller {} closed: order {} is cancelled (seller_closed)", seller.value(), order.value());
            return;
        }
        RefundApproved refunded = commands.send(new RefundUnitsOfClosedSeller(order, seller));
        if (refunded != null)
            log.info("Seller {} closed: their units still to ship in order {} are refunded ({} {} cents, refund request {})",
                    seller.value(), order.value(), refunded.totalCents(), refunded.currency(), refunded.refundId());
        else log.info("Seller {} closed: order {} is left as it is (nothing of theirs left to ship, not paid, or its card "
                + "payment refunded outside requests)", seller.value(), order.value());
    }

    private void forget(OrderId order) { jdbc.update("delete from closed_seller_order where order_id = ?", order.value()); }
}
