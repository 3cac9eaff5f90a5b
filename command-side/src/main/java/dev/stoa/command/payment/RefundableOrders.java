package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderId;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Orders as refund requests see them, read from the orders' own events ({@link RefundableOrder#read}). */
interface RefundableOrders {
    Optional<RefundableOrder> find(OrderId orderId);

    @Component
    class FromEvents implements RefundableOrders {
        private final EventStore events;

        FromEvents(EventStore events) { this.events = events; }

        @Override
        public Optional<RefundableOrder> find(OrderId orderId) { return RefundableOrder.read(events, orderId); }
    }
}
