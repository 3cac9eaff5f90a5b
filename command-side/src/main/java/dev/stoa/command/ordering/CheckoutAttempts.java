package dev.stoa.command.ordering;

import dev.stoa.api.cart.ReleaseCouponRedemption;
import dev.stoa.api.cart.UndoCartCheckout;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.ReleaseStockReservation;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.MetadataKeys;
import dev.stoa.command.platform.PeriodicTask;
import dev.stoa.command.platform.web.Commands;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checkouts under way, one row each in {@code checkout_attempt}, written before the first reservation and deleted
 * once the order is placed or the checkout undone. A row older than {@code stoa.checkout.recovery-after} belongs to a
 * request that died between reserving and placing the order: if the order was stored after all, its hold and
 * {@link OrderFulfilment} own it and the row just goes; otherwise its reservations and coupon redemption are
 * released and the cart's lines put back (each idempotent, so a step that happened already changes nothing). Any number
 * of processes may run this.
 */
@Component
class CheckoutAttempts extends PeriodicTask {
    private static final Logger log = LoggerFactory.getLogger(CheckoutAttempts.class);
    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final EventStore events;
    private final Duration recoveryAfter;

    CheckoutAttempts(JdbcTemplate jdbc, Commands commands, EventStore events,
                     @Value("${stoa.checkout.recovery-after:2m}") Duration recoveryAfter,
                     @Value("${stoa.checkout.recovery-interval:30s}") Duration interval) {
        super("checkout-recovery", interval);
        this.jdbc = jdbc;
        this.commands = commands;
        this.events = events;
        this.recoveryAfter = recoveryAfter;
    }

    /**
     * A retry of a checkout under the same {@code Idempotency-Key} (the same order id) whose first attempt died before
     * placing the order finds its row: the row then names what either may have reserved, and starts its time again.
     */
    void begin(OrderId orderId, UserId buyer, List<ProductId> products, String couponCode) {
        jdbc.update("insert into checkout_attempt(order_id, buyer_id, products, coupon_code) values (?, ?, ?, ?) "
                        + "on conflict (order_id) do update set products = checkout_attempt.products || ',' || excluded.products, "
                        + "coupon_code = coalesce(excluded.coupon_code, checkout_attempt.coupon_code), started_at = now()",
                orderId.value(), buyer.value(),
                products.stream().map(ProductId::value).collect(Collectors.joining(",")), couponCode);
    }

    void end(OrderId orderId) {
        jdbc.update("delete from checkout_attempt where order_id = ?", orderId.value());
    }

    /** One pass over up to 100 abandoned attempts; returns how many were cleared (one that fails stays for the next). */
    @Override
    public int runOnce() {
        List<Map<String, Object>> due = jdbc.queryForList("select order_id, buyer_id, products, coupon_code from checkout_attempt "
                + "where started_at <= now() - make_interval(secs => ?) order by started_at limit 100",
                (double) recoveryAfter.toSeconds());
        int cleared = 0;
        for (Map<String, Object> row : due) {
            String orderId = (String) row.get("order_id");
            try {
                recover(orderId, row);
                end(new OrderId(orderId));
                cleared++;
            } catch (RuntimeException e) { // kept for the next pass; the attempts after it are not held up
                log.warn("Checkout recovery of order {} failed, retried next time: {}", orderId, e.getClass().getSimpleName());
            }
        }
        return cleared;
    }

    private void recover(String orderId, Map<String, Object> row) {
        if (events.lastSequenceNumberFor(orderId).isPresent()) return; // placed after all: its hold and saga own it
        Map<String, String> meta = Map.of(MetadataKeys.USER_ID, "system", MetadataKeys.CORRELATION_ID,
                UUID.randomUUID().toString(), MetadataKeys.CAUSATION_ID, "checkout-recovery:" + orderId);
        for (String productId : products((String) row.get("products")))
            commands.send(GenericCommandMessage.asCommandMessage(
                    new ReleaseStockReservation(new ProductId(productId), new OrderId(orderId))).andMetaData(meta));
        if (row.get("coupon_code") != null)
            commands.send(GenericCommandMessage.asCommandMessage(
                    new ReleaseCouponRedemption((String) row.get("coupon_code"), new OrderId(orderId))).andMetaData(meta));
        // the cart's lines go back if this checkout took them (nothing otherwise)
        commands.send(GenericCommandMessage.asCommandMessage(
                new UndoCartCheckout(new UserId((String) row.get("buyer_id")), new OrderId(orderId))).andMetaData(meta));
    }

    /** The reserved products as stored: comma-separated, empty for a cart of courses only. */
    static List<String> products(String stored) {
        return stored == null ? List.of() : Arrays.stream(stored.split(",")).filter(id -> !id.isBlank()).toList();
    }
}
