package dev.stoa.command.ordering;

import dev.stoa.api.cart.ReleaseCouponRedemption;
import dev.stoa.api.cart.UndoCartCheckout;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.ReleaseStockReservation;
import dev.stoa.api.ordering.AbandonCheckout;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.MetadataKeys;
import dev.stoa.command.platform.PeriodicTask;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checkouts under way, one row each in {@code checkout_attempt}, written before the first reservation and deleted
 * once the order is placed or the checkout undone. A row older than {@code stoa.checkout.recovery-after} belongs to a
 * request that died between reserving and placing the order (or one still running that long): its order id is first
 * marked abandoned ({@link AbandonCheckout}), which the event store decides against a {@link PlaceOrder} of the same id
 * still under way. If the order was stored after all, its hold and {@link OrderFulfilment} own it and the row just
 * goes; otherwise no order can be placed under that id any more, and its reservations and coupon redemption are
 * released and the cart's lines put back (each idempotent, so a step that happened already changes nothing). A
 * reservation released here cannot be made again for that id, so a checkout still running is refused at its next
 * step. Any number of processes may run this.
 */
@Component
public class CheckoutAttempts extends PeriodicTask {
    private static final Logger log = LoggerFactory.getLogger(CheckoutAttempts.class);
    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final Duration recoveryAfter;
    /** The reason of the {@link AbandonCheckout} of an attempt undone here. */
    static final String RECOVERED = "recovered";

    CheckoutAttempts(JdbcTemplate jdbc, Commands commands,
                     @Value("${stoa.checkout.recovery-after:2m}") Duration recoveryAfter,
                     @Value("${stoa.checkout.recovery-interval:30s}") Duration interval) {
        super("checkout-recovery", interval);
        this.jdbc = jdbc;
        this.commands = commands;
        this.recoveryAfter = recoveryAfter;
    }

    /**
     * Notes a checkout before it takes anything. A row of the same order id should not be there (a retry undoes the
     * one its first attempt left, {@link #undoLeftOver}, and moves on to its key's next id); if one is, this row names
     * what both may have reserved, and starts its time again. {@code courses} is no longer read here (the claims of
     * {@link #claimCourse} decide); it is still written so that a process of the version before 2026-12-05, running
     * beside this one during an upgrade, sees a checkout of a course in its wallet enrollment's check.
     */
    public void begin(OrderId orderId, UserId buyer, List<ProductId> products, List<String> courses, String couponCode) {
        jdbc.update("insert into checkout_attempt(order_id, buyer_id, products, courses, coupon_code) values (?, ?, ?, ?, ?) "
                        + "on conflict (order_id) do update set products = checkout_attempt.products || ',' || excluded.products, "
                        + "courses = checkout_attempt.courses || ',' || excluded.courses, "
                        + "coupon_code = coalesce(excluded.coupon_code, checkout_attempt.coupon_code), started_at = now()",
                orderId.value(), buyer.value(),
                products.stream().map(ProductId::value).collect(Collectors.joining(",")), String.join(",", courses), couponCode);
    }

    /**
     * Claims {@code courseId} for the checkout of {@code orderId} (noted by {@link #begin} first): true if this checkout
     * holds the claim now, false if another checkout of the buyer's under way holds it. One claim per buyer and course
     * (the key of {@code checkout_course_claim}): a claim whose checkout's note is gone (ended, or a leftover) is taken
     * over; of two claims at once the second waits for the first (the row's lock) and then finds it held. So exactly one
     * of the checkouts of a course under way at a time goes on, whichever order they note, claim and end in.
     */
    public boolean claimCourse(UserId buyer, String courseId, OrderId orderId) {
        if (!jdbc.queryForList("insert into checkout_course_claim(buyer_id, course_id, order_id) values (?, ?, ?) "
                + "on conflict do nothing returning order_id", String.class, buyer.value(), courseId, orderId.value()).isEmpty())
            return true;
        // held: by this checkout, or by one whose note is gone (taken over). A statement of its own, so that it looks
        // for the holder's note in a snapshot taken after the claim it met was stored (the holder's note is stored
        // before its claim); in the insert's own snapshot, taken earlier, the note might not show yet
        return !jdbc.queryForList("update checkout_course_claim c set order_id = ?, claimed_at = now() "
                        + "where buyer_id = ? and course_id = ? and (order_id = ? or not exists "
                        + "(select 1 from checkout_attempt a where a.order_id = c.order_id)) returning order_id",
                String.class, orderId.value(), buyer.value(), courseId, orderId.value()).isEmpty();
    }

    public void end(OrderId orderId) {
        jdbc.update("delete from checkout_course_claim where order_id = ?", orderId.value());
        jdbc.update("delete from checkout_attempt where order_id = ?", orderId.value());
    }

    /**
     * For a retry under the same {@code Idempotency-Key} (the same order id), which runs only once its first request
     * ended or its claim ran out: an attempt of that id left behind (its request died before placing the order) is
     * undone now, as the recovery would later, so the retry finds the cart whole. True if there was one.
     */
    boolean undoLeftOver(OrderId orderId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select order_id, buyer_id, products, coupon_code "
                + "from checkout_attempt where order_id = ?", orderId.value());
        if (rows.isEmpty()) return false;
        recover(orderId.value(), rows.get(0), "retried");
        end(orderId);
        return true;
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
                recover(orderId, row, "checkout-recovery");
                end(new OrderId(orderId));
                cleared++;
            } catch (RuntimeException e) { // kept for the next pass; the attempts after it are not held up
                log.warn("Checkout recovery of order {} failed, retried next time: {}", orderId, e.getClass().getSimpleName());
            }
        }
        return cleared;
    }

    private void recover(String orderId, Map<String, Object> row, String cause) {
        Map<String, String> meta = Map.of(MetadataKeys.USER_ID, "system", MetadataKeys.CORRELATION_ID,
                UUID.randomUUID().toString(), MetadataKeys.CAUSATION_ID, cause + ":" + orderId);
        UserId buyer = new UserId((String) row.get("buyer_id"));
        OrderId order = new OrderId(orderId);
        if (!abandon(order, buyer, RECOVERED, meta)) return; // placed after all: its hold and saga own it
        giveBack(order, buyer, ids((String) row.get("products")).stream().map(ProductId::new).toList(),
                (String) row.get("coupon_code"), meta);
    }

    /**
     * Gives the order id up ({@link AbandonCheckout}) before what its checkout took goes back, so no order can be placed
     * under it any more (a {@link PlaceOrder} without answer may still land); false if one was placed after all: its
     * hold and {@link OrderFulfilment} then own what it took. {@code meta}: the commands' metadata (empty: the request's).
     */
    boolean abandon(OrderId orderId, UserId buyer, String reason, Map<String, String> meta) {
        try {
            commands.send(GenericCommandMessage.asCommandMessage(new AbandonCheckout(orderId, buyer, reason)).andMetaData(meta));
            return true;
        } catch (CommandExecutionException e) {
            if (Refusals.is(e, ErrorCode.INVALID_TRANSITION)) return false;
            throw e;
        }
    }

    /**
     * Gives back what a checkout took: the stock, the coupon's redemption and the cart's lines. Each step is idempotent,
     * so a repeat (by the saga, the recovery, a retry) changes nothing, nor does one that was not taken; "not found" (no
     * inventory, no such coupon, no cart) means nothing was taken there, so an attempt never fails for good on it.
     */
    void giveBack(OrderId orderId, UserId buyer, List<ProductId> products, String coupon, Map<String, String> meta) {
        for (ProductId product : products) unlessNotFound(new ReleaseStockReservation(product, orderId), meta);
        if (coupon != null) unlessNotFound(new ReleaseCouponRedemption(coupon, orderId), meta);
        // a cart the order never took changes nothing; none at all (a course bought on its page by a buyer who never
        // had a cart) is not found
        unlessNotFound(new UndoCartCheckout(buyer, orderId), meta);
    }

    private void unlessNotFound(Object command, Map<String, String> meta) {
        try {
            commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(meta));
        } catch (CommandExecutionException e) {
            if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e;
        }
    }

    /** Ids as stored (the reserved products, the courses bought): comma-separated, empty for none. */
    static List<String> ids(String stored) {
        return stored == null ? List.of() : Arrays.stream(stored.split(",")).filter(id -> !id.isBlank()).toList();
    }
}
