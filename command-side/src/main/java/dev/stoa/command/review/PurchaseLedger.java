package dev.stoa.command.review;

import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderClosedByRefunds;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderPlaced;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code review_purchase}: every item of every order with the order's state (pending, confirmed, cancelled), so the
 * review rules can tell a verified buyer. Shipped and delivered orders were confirmed first and stay confirmed here.
 * Built from the ordering events by its own processor (from the start of the log, rebuildable); its token commits with
 * its rows, and a checkout waits for it like for any read model of its process (read-your-writes), so a buyer whose
 * checkout answered may review at once. Every statement is idempotent.
 */
@Component
@ProcessingGroup(PurchaseLedger.NAME)
class PurchaseLedger {
    static final String NAME = "review-purchases";
    private final JdbcTemplate jdbc;

    PurchaseLedger(JdbcTemplate jdbc) { this.jdbc = jdbc; }

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
    void on(OrderCancelled e) {
        jdbc.update("update review_purchase set status = 'cancelled' where order_id = ?", e.orderId().value());
    }

    /** Every unit refunded before it shipped: the buyer never had the product. */
    @EventHandler
    void on(OrderClosedByRefunds e) {
        jdbc.update("update review_purchase set status = 'cancelled' where order_id = ?", e.orderId().value());
    }

    @ResetHandler
    void reset() { jdbc.update("delete from review_purchase"); }
}
