package dev.stoa.command.ordering;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderPlaced;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** An order as it was placed (lines, amounts, coupon), from its own first event: for other contexts' processors. */
public final class PlacedOrders {
    private PlacedOrders() {}

    /** The order's {@link OrderPlaced}; empty for an order that was never placed. */
    public static Optional<OrderPlaced> of(EventStore events, OrderId orderId) {
        return events.readEvents(orderId.value(), 0).asStream().map(EventMessage::getPayload)
                .filter(OrderPlaced.class::isInstance).map(OrderPlaced.class::cast).findFirst();
    }
}
