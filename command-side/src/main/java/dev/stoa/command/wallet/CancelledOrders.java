package dev.stoa.command.wallet;

import dev.stoa.api.ordering.OrderEndedCancelled;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whether an order was cancelled, from its own events: a wallet takes no money for a cancelled order. The order's
 * saga ends with its cancellation, so a debit that landed after it (a checkout that crashed between the debit and its
 * confirmation while the buyer or the hold cancelled the order) had nobody to give it back. Ids that name no order (a
 * course bought from the wallet) are not cancelled.
 */
@Component
public class CancelledOrders {
    private final EventStore events;

    public CancelledOrders(EventStore events) { this.events = events; }

    public boolean contains(OrderId orderId) {
        return events.readEvents(orderId.value()).asStream()
                .anyMatch(m -> m.getPayload() instanceof OrderEndedCancelled);
    }
}
