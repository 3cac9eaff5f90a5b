package dev.stoa.command.cart;

import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.InventoryIds;
import dev.stoa.api.learning.CourseId;
import dev.stoa.command.learning.CourseCatalog;
import dev.stoa.command.learning.Enrollments;
import dev.stoa.command.inventory.Inventory;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Folds a product's own event stream (from the first event, never from a snapshot, whose shape is the aggregate's)
 * into the facts the cart checks; the stock available comes from the product's {@code Inventory} aggregate, loaded in
 * the cart command's unit of work (cached and snapshotted, unlike its stream, which grows with every reservation). The event store is the source of truth on every profile (JPA store in one process
 * or split command/query processes, Axon Server), unlike a query, which has no handler in a command-only process
 * without Axon Server. Product streams are short (creation, edits, stock counts).
 */
@Component
class EventStoreItemCatalog implements ItemCatalog {
    private final EventStore events;
    private final Repository<Inventory> inventories;
    private final CourseCatalog courses;
    private final Enrollments enrollments;

    EventStoreItemCatalog(EventStore events, @Lazy Repository<Inventory> inventories, CourseCatalog courses,
                          Enrollments enrollments) {
        this.events = events;
        this.inventories = inventories;
        this.courses = courses;
        this.enrollments = enrollments;
    }

    @Override
    public Optional<CourseOffer> course(CourseId courseId) {
        return courses.course(courseId).filter(CourseCatalog.CourseFacts::published).map(c ->
                new CourseOffer(c.title(), c.instructorId(), c.priceCents(), c.currency(), c.open()));
    }

    @Override
    public boolean owns(UserId userId, CourseId courseId) { return enrollments.hasAccess(userId, courseId); }

    @Override
    public Optional<ProductFacts> product(ProductId productId) {
        DomainEventStream stream = events.readEvents(productId.value(), 0);
        ProductFacts facts = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object e = message.getPayload();
            if (e instanceof ProductCreated c) {
                facts = new ProductFacts(c.name(), c.sku(), c.vendorId(), c.priceCents(), c.currency(), c.weightGrams(), c.active());
            } else if (facts == null) {
                continue; // not a product's stream
            } else if (e instanceof ProductUpdated u) {
                facts = new ProductFacts(u.name(), u.sku(), facts.vendorId(), u.priceCents(), u.currency(), u.weightGrams(), u.active());
            } else if (e instanceof ProductUnlisted) {
                facts = new ProductFacts(facts.name(), facts.sku(), facts.vendorId(), facts.unitPriceCents(), facts.currency(),
                        facts.weightGrams(), false);
            }
        }
        return Optional.ofNullable(facts);
    }

    @Override
    public int available(ProductId productId) {
        try {
            return inventories.load(InventoryIds.of(productId)).invoke(Inventory::available);
        } catch (AggregateNotFoundException e) {
            return 0;
        }
    }
}
