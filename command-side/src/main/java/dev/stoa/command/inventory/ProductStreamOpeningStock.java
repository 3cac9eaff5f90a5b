package dev.stoa.command.inventory;

import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.ProductRestocked;
import dev.stoa.api.inventory.StockAdjusted;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads a product's own stream: until inventories existed, {@code StockAdjusted} and {@code ProductRestocked} were
 * events of the {@code Product} aggregate, so a data directory from before keeps its stock only if the inventory
 * opens from them. Read from the first event on, never from a snapshot (a {@code Product} snapshot of today holds no
 * stock). A product listed since then has no such events and opens at zero.
 */
@Component
class ProductStreamOpeningStock implements OpeningStock {
    private final EventStore events;

    ProductStreamOpeningStock(EventStore events) { this.events = events; }

    @Override
    public Optional<Levels> of(ProductId productId) {
        DomainEventStream stream = events.readEvents(productId.value(), 0);
        boolean created = false;
        Levels levels = Levels.NONE;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Class<?> type = event.getPayloadType();
            if (type == ProductCreated.class) {
                created = true;
            } else if (type == StockAdjusted.class) {
                StockAdjusted e = (StockAdjusted) event.getPayload();
                levels = new Levels(e.onHand(), e.reserved(), e.reorderThreshold(), e.warehouseLocation());
            } else if (type == ProductRestocked.class) {
                ProductRestocked e = (ProductRestocked) event.getPayload();
                levels = new Levels(e.onHand(), e.reserved(), levels.reorderThreshold(), levels.warehouseLocation());
            }
        }
        return created ? Optional.of(levels) : Optional.empty();
    }
}
