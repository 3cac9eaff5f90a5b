package dev.stoa.command.learning;

import dev.stoa.api.cart.RemoveCartItem;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.GrantEnrollment;
import dev.stoa.api.learning.RevokeEnrollment;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.OrderRefundsId;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.payment.PaymentRefunded;
import dev.stoa.api.payment.PaymentStatus;
import dev.stoa.api.payment.RefundApproved;
import dev.stoa.api.payment.RefundLineAmount;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.ordering.CourseGrantsDue;
import dev.stoa.command.platform.DeadLetterEvictions;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Course lines of orders become entitlements: a confirmed order grants each of its courses (source {@code order},
 * reference the order id); an order cancelled after confirmation, or an approved refund request covering a course
 * line, or its card payment refunded whole any other way, revokes exactly that order's grant (another grant of the same
 * course keeps the access). Every command is
 * idempotent per order, so a redelivered event changes nothing more; never replayed (it sends commands). Until an
 * order's grants are in, its courses are refused to a new checkout or enrollment ({@link CourseGrantsDue}).
 */
@Component
@ProcessingGroup(CourseEntitlements.NAME)
@DisallowReplay
class CourseEntitlements implements DeadLetterEvictions {
    static final String NAME = "course-entitlements";
    private static final Logger log = LoggerFactory.getLogger(CourseEntitlements.class);
    private final Commands commands;
    private final EventStore events;
    private final CourseGrantsDue grantsDue;

    CourseEntitlements(Commands commands, EventStore events, CourseGrantsDue grantsDue) {
        this.commands = commands;
        this.events = events;
        this.grantsDue = grantsDue;
    }

    /**
     * Grants the order's courses, unless the order was cancelled, its card payment refunded whole, or the course's refund
     * approved by now: a grant that
     * failed and waited as a dead letter while the refund went through (another aggregate's event, so not held back
     * behind it) would otherwise give the course back after its money.
     */
    @EventHandler
    void on(OrderConfirmed e) {
        List<CourseId> granted = grantOrder(e.orderId());
        grantsDue.settled(e.orderId()); // only once every grant is in: a grant that fails keeps the courses refused meanwhile
        if (PlaceOrder.CARD.equals(e.paymentMethod())) for (CourseId course : granted) takeOutOfCart(e.buyer(), course);
    }

    /**
     * A card order's course, now the buyer's, is taken out of their cart: the cart accepts a course while its order waits
     * for the card (the payment may fail, and the course be bought again), so a buyer who added it back saw it priced
     * and for sale after the payment, and the checkout then refused it (409 {@code course_already_owned}; before
     * 2026-12-06, sixth session; found by a walkthrough). A wallet purchase's own request takes it out
     * ({@code EnrollmentCommandController}); a cart without it: nothing. Never holds up the grant.
     */
    private void takeOutOfCart(UserId buyer, CourseId course) {
        try {
            commands.send(new RemoveCartItem(buyer, course.value()));
            log.info("Course {} granted to {} by a card order was taken out of their cart", course, buyer);
        } catch (RuntimeException refused) { // the grant stands either way: a cart that cannot be changed now keeps it
            if (!Refusals.is(refused, ErrorCode.NOT_FOUND_CODE))
                log.info("Course {} stays in the cart of {}: {}", course, buyer, refused.toString());
        }
    }

    /**
     * An order's confirmation parked here and evicted by an operator will never be granted by this processor: its
     * courses are no longer refused to the buyer as due (the operator grants or refunds them by hand).
     */
    @Override
    public void evicted(String processor, Object payload) {
        if (NAME.equals(processor) && payload instanceof OrderConfirmed confirmed) grantsDue.settled(confirmed.orderId());
    }

    /**
     * Grants a confirmed order's courses, with the checks above; idempotent per order (a grant made already changes
     * nothing). Also called by a course's wallet purchase in its request ({@code EnrollmentCommandController}), so the
     * answer finds the student enrolled, with the same checks: a retried purchase whose course was refunded meanwhile
     * is not granted again.
     */
    List<CourseId> grantOrder(OrderId orderId) {
        List<Object> order = history(orderId.value());
        OrderPlaced placed = placed(order).orElseThrow();
        if (placed.lines().stream().noneMatch(l -> OrderLine.COURSE.equals(l.itemType())))
            return List.of(); // an order of products: nothing to grant, and no payment or refunds to read
        if (order.stream().anyMatch(p -> p instanceof OrderCancelled)) {
            log.info("Order {} was cancelled before its courses were granted; none is", orderId);
            return List.of();
        }
        if (PlaceOrder.CARD.equals(placed.paymentMethod()) && history(PaymentId.ofOrder(orderId).value()).stream()
                .anyMatch(p -> p instanceof PaymentRefunded r && PaymentStatus.REFUNDED.equals(r.status()))) {
            log.info("Order {}: its card payment was refunded whole before its courses were granted; none is", orderId);
            return List.of();
        }
        List<CourseId> granted = new java.util.ArrayList<>();
        Set<String> refunded = new HashSet<>();
        for (Object p : history(OrderRefundsId.of(orderId)))
            if (p instanceof RefundApproved approved)
                for (RefundLineAmount l : approved.lines()) if (OrderLine.COURSE.equals(l.itemType())) refunded.add(l.itemId());
        for (OrderLine line : placed.lines()) {
            if (!OrderLine.COURSE.equals(line.itemType())) continue;
            if (refunded.contains(line.itemId())) {
                log.info("Order {}: course {} was refunded before it was granted; not granted", orderId, line.itemId());
                continue;
            }
            commands.send(new GrantEnrollment(placed.buyer(), new CourseId(line.itemId()), GrantEnrollment.ORDER,
                    orderId.value(), paid(line), placed.amounts().currency()));
            granted.add(new CourseId(line.itemId()));
        }
        return granted;
    }

    /**
     * What the buyer paid for a course line: its price less its share of the discount plus its tax, as the order
     * recorded them (the list price before 2026-12-06: a course bought with a 100 % coupon was granted as paid in
     * full). An order placed before lines recorded their charges gives the line's price.
     */
    static long paid(OrderLine line) {
        if (line.discountCents() == null || line.taxCents() == null) return line.lineTotalCents();
        return line.lineTotalCents() - line.discountCents() + line.taxCents();
    }

    /** As the cancelling request does ({@link CourseRevocations}), for a cancellation no request made, or whose request died. */
    @EventHandler
    void on(OrderCancelled e) {
        CourseRevocations.of(e).forEach(this::revoke);
    }

    /** As the approving request does ({@link CourseRevocations}), should it have died before. */
    @EventHandler
    void on(RefundApproved e) {
        CourseRevocations.of(e).forEach(this::revoke);
    }

    /**
     * The order's card payment was refunded whole outside a refund request or a cancellation (an admin's refund of the
     * payment, a refund made in Stripe's dashboard): the order paid nothing in the end, so its courses are revoked too.
     * A refund in part leaves them (which course it was for is not said); refunds by request or cancellation revoked
     * their courses already (a repeat revocation changes nothing).
     */
    @EventHandler
    void on(PaymentRefunded e) {
        if (!PaymentStatus.REFUNDED.equals(e.status())) return;
        OrderPlaced placed = placed(history(e.orderId().value())).orElse(null);
        if (placed == null) return;
        for (OrderLine line : placed.lines())
            if (OrderLine.COURSE.equals(line.itemType()))
                revoke(placed.buyer(), line.itemId(), e.orderId().value(), RevokeEnrollment.REFUNDED);
    }

    /** The payloads of an aggregate's events, in order. */
    private List<Object> history(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    private static Optional<OrderPlaced> placed(List<Object> order) {
        return order.stream().filter(p -> p instanceof OrderPlaced).map(p -> (OrderPlaced) p).findFirst();
    }

    private void revoke(UserId buyer, String courseId, String orderId, String reason) {
        revoke(new RevokeEnrollment(buyer, new CourseId(courseId), orderId, reason));
    }

    private void revoke(RevokeEnrollment revocation) {
        try {
            commands.send(revocation);
        } catch (CommandExecutionException refused) {
            if (!Refusals.is(refused, ErrorCode.NOT_FOUND_CODE)) throw refused;
            log.warn("Order {}: course {} was never granted to {}; nothing to revoke", revocation.reference(),
                    revocation.courseId(), revocation.userId());
        }
    }
}
