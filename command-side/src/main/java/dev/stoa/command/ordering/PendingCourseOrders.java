package dev.stoa.command.ordering;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A course is bought once: not again while another order of the buyer's that holds it waits for payment. A card order
 * left unpaid in one tab and the course bought again in another (a second checkout, or the wallet or a free enrollment
 * on the course's page) would charge it twice once both are paid, and the order's own grant is honoured whatever access
 * the buyer has by then. The buyer's pending orders are those with a payment hold ({@link OrderHolds}, written in the
 * order's own transaction); each one's lines come from its {@code OrderPlaced}.
 *
 * <p>Nor again once such an order is paid, until its courses are granted ({@link CourseGrantsDue}): the grant runs in a
 * processor of its own after the confirmation, and in that moment the buyer has neither a hold nor access.
 */
@Component
public class PendingCourseOrders {
    private final OrderHolds holds;
    private final CourseGrantsDue grantsDue;
    private final CheckoutAttempts attempts;
    private final JdbcTemplate jdbc;
    private final EventStore events;

    PendingCourseOrders(OrderHolds holds, CourseGrantsDue grantsDue, CheckoutAttempts attempts, JdbcTemplate jdbc,
                        EventStore events) {
        this.holds = holds;
        this.grantsDue = grantsDue;
        this.attempts = attempts;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * For a checkout, once it is noted: claims the course for it ({@link CheckoutAttempts#claimCourse}), or 409
     * {@code course_in_pending_order} while another checkout of the buyer's that buys the course holds the claim. One
     * cart makes one order, but the course can be added to the cart again while a checkout that took it is placing its
     * order (which has no payment hold yet), or bought on its page twice at once: exactly one of them goes on.
     */
    void requireNoOtherCheckout(UserId buyer, String courseId, OrderId orderId) {
        if (!attempts.claimCourse(buyer, courseId, orderId))
            throw new DomainException(ErrorCode.COURSE_IN_PENDING_ORDER, "course " + courseId + " is being checked out in "
                    + "another request of yours: wait for its order, then pay or cancel it");
    }

    /**
     * For a checkout, once it is noted: 409 {@code course_already_owned} while a wallet purchase of the course made
     * before such purchases became orders is not settled yet ({@code course_wallet_purchase}: rows the upgrade may have
     * left, which {@code WalletPurchases} grants or refunds); {@code advice} ends the refusal (the cart's line to remove).
     */
    void requireNoWalletPurchase(UserId buyer, String courseId, String advice) {
        if (!jdbc.queryForList("select 1 from course_wallet_purchase where user_id = ? and course_id = ? limit 1",
                Integer.class, buyer.value(), courseId).isEmpty())
            throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "course " + courseId + " is being bought from your "
                    + "wallet in another request" + advice);
    }

    /**
     * 409 {@code course_in_pending_order} when a pending order of the buyer's holds one of {@code courseIds}; 409
     * {@code course_already_owned} when a paid one does whose courses are being granted.
     */
    public void requireNoneHolds(UserId buyer, Set<String> courseIds) {
        if (courseIds.isEmpty()) return;
        for (OrderId pending : holds.pendingOf(buyer.value())) {
            OrderPlaced placed = placed(history(pending));
            if (placed == null) continue; // its hold row and its events commit together: a row without them is being rolled back
            String course = heldCourse(placed, courseIds);
            if (course != null)
                throw new DomainException(ErrorCode.COURSE_IN_PENDING_ORDER, "course " + course + " is in your order "
                        + placed.orderNumber() + ", which waits for payment: pay it, or cancel it, first");
        }
        for (CourseGrantsDue.Due due : grantsDue.dueOf(buyer.value())) {
            List<Object> history = history(due.orderId());
            if (history.stream().anyMatch(p -> p instanceof OrderCancelled)) continue;
            // with Axon Server the row commits before the events (and the hold is gone by then): one whose confirmation
            // is not stored yet counts while it is recent, and is a rolled-back confirmation's after that
            if (!due.recent() && history.stream().noneMatch(p -> p instanceof OrderConfirmed)) continue;
            OrderPlaced placed = placed(history);
            String course = placed == null ? null : heldCourse(placed, courseIds);
            if (course != null)
                throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "course " + course + " is in your order "
                        + placed.orderNumber() + ", which is paid: your access to it is being granted");
        }
    }

    private static String heldCourse(OrderPlaced placed, Set<String> courseIds) {
        for (OrderLine line : placed.lines())
            if (OrderLine.COURSE.equals(line.itemType()) && courseIds.contains(line.itemId())) return line.itemId();
        return null;
    }

    private List<Object> history(OrderId orderId) {
        return events.readEvents(orderId.value()).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    private static OrderPlaced placed(List<Object> history) {
        return history.stream().filter(p -> p instanceof OrderPlaced).map(p -> (OrderPlaced) p).findFirst().orElse(null);
    }
}
