package dev.stoa.command.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderEndedCancelled;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.ordering.OrderStatus;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** What a payment needs to know of an order, from the order's own events: buyer, total, payment method, status. */
record OrderRecord(OrderId orderId, String orderNumber, UserId buyer, long totalCents, String currency, String paymentMethod, String status) {

    static Optional<OrderRecord> read(EventStore events, OrderId orderId) {
        OrderRecord[] r = new OrderRecord[1];
        events.readEvents(orderId.value()).asStream().map(EventMessage::getPayload).forEach(p -> {
            if (p instanceof OrderPlaced e)
                r[0] = new OrderRecord(e.orderId(), e.orderNumber(), e.buyer(), e.amounts().totalCents(), e.amounts().currency(),
                        e.paymentMethod(), OrderStatus.PENDING.value());
            else if (r[0] != null && p instanceof OrderConfirmed) r[0] = r[0].in(OrderStatus.CONFIRMED.value());
            else if (r[0] != null && p instanceof OrderEndedCancelled)
                r[0] = r[0].in(OrderStatus.CANCELLED.value());
        });
        return Optional.ofNullable(r[0]);
    }

    boolean pending() { return OrderStatus.PENDING.value().equals(status); }

    private OrderRecord in(String newStatus) { return new OrderRecord(orderId, orderNumber, buyer, totalCents, currency, paymentMethod, newStatus); }
}
