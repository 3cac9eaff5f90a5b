package dev.stoa.command.cart;

import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.api.inventory.ProductRestocked;
import dev.stoa.api.inventory.StockAdjusted;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Folds a product's own event stream (from the first event, never from a snapshot, whose shape is the aggregate's)
 * into the facts the cart checks. The event store is the source of truth on every profile (JPA store in one process
 * or split command/query processes, Axon Server), unlike a query, which has no handler in a command-only process
 * without Axon Server. Product streams are short (creation, edits, stock counts).
 */
@Component
class EventStoreItemCatalog implements ItemCatalog {
    private final EventStore events;

    EventStoreItemCatalog(EventStore events) { this.events = events; }

    @Override
    public Optional<ProductFacts> product(ProductId productId) {
        DomainEventStream stream = events.readEvents(productId.value(), 0);
        ProductFacts facts = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object e = message.getPayload();
            if (e instanceof ProductCreated c) {
                facts = new ProductFacts(c.name(), c.priceCents(), c.currency(), c.weightGrams(), c.active(), 0);
            } else if (facts == null) {
                continue; // not a product's stream
            } else if (e instanceof ProductUpdated u) {
                facts = new ProductFacts(u.name(), u.priceCents(), u.currency(), u.weightGrams(), u.active(), facts.available());
            } else if (e instanceof ProductUnlisted) {
                facts = new ProductFacts(facts.name(), facts.unitPriceCents(), facts.currency(), facts.weightGrams(), false, facts.available());
            } else if (e instanceof StockAdjusted s) {
                facts = withAvailable(facts, s.available());
            } else if (e instanceof ProductRestocked r) {
                facts = withAvailable(facts, r.available());
            }
        }
        return Optional.ofNullable(facts);
    }

    private static ProductFacts withAvailable(ProductFacts f, int available) {
        return new ProductFacts(f.name(), f.unitPriceCents(), f.currency(), f.weightGrams(), f.active(), available);
    }
}
