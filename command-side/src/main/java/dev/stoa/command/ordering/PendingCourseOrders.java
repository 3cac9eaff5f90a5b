package dev.stoa.command.ordering;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A course is bought once: not again while another order of the buyer's that holds it waits for payment. A card order
 * left unpaid in one tab and the course bought again in another (a second checkout, or the wallet or a free enrollment
 * on the course's page) would charge it twice once both are paid, and the order's own grant is honoured whatever access
 * the buyer has by then. The buyer's pending orders are those with a payment hold ({@link OrderHolds}, written in the
 * order's own transaction); each one's lines come from its {@code OrderPlaced}.
 */
@Component
public class PendingCourseOrders {
    private final OrderHolds holds;
    private final EventStore events;

    PendingCourseOrders(OrderHolds holds, EventStore events) {
        this.holds = holds;
        this.events = events;
    }

    /** 409 {@code course_in_pending_order} when a pending order of the buyer's holds one of {@code courseIds}. */
    public void requireNoneHolds(UserId buyer, Set<String> courseIds) {
        if (courseIds.isEmpty()) return;
        for (OrderId pending : holds.pendingOf(buyer.value())) {
            OrderPlaced placed = placed(pending);
            if (placed == null) continue; // its hold row and its events commit together: a row without them is being rolled back
            for (OrderLine line : placed.lines())
                if (OrderLine.COURSE.equals(line.itemType()) && courseIds.contains(line.itemId()))
                    throw new DomainException(ErrorCode.COURSE_IN_PENDING_ORDER, "course " + line.itemId() + " is in your order "
                            + placed.orderNumber() + ", which waits for payment: pay it, or cancel it, first");
        }
    }

    private OrderPlaced placed(OrderId orderId) {
        return events.readEvents(orderId.value()).asStream().map(m -> m.getPayload())
                .filter(p -> p instanceof OrderPlaced).map(p -> (OrderPlaced) p).findFirst().orElse(null);
    }
}
