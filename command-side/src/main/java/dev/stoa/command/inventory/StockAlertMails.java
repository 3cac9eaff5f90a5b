package dev.stoa.command.inventory;

import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.api.inventory.StockDepleted;
import dev.stoa.api.inventory.StockReachedReorderThreshold;
import dev.stoa.command.ordering.BuyerMails;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The vendor's stock alerts: {@code stock-low} when a product's available units fall to its reorder threshold (and
 * some are left), {@code stock-depleted} when none is left to buy. Before 2026-12-07 the alerts were recorded and told
 * nobody: a vendor learnt that a product ran out by reading its stock (walkthrough Z42). Runs in the {@code order-mail}
 * processor, beside the vendor's order mails (a processor of its own would read the whole log once, on its first start,
 * to mail nothing: alerts older than {@link BuyerMails#MAX_AGE} are not mailed); never on a replay.
 */
@Component
@ProcessingGroup("order-mail")
@DisallowReplay
class StockAlertMails {
    static final String LOW = "stock-low";
    static final String DEPLETED = "stock-depleted";
    private final BuyerMails mails;
    private final EventStore events;
    private final String publicUrl;

    StockAlertMails(BuyerMails mails, EventStore events, @Value("${stoa.public-url:http://localhost:8080}") String publicUrl) {
        this.mails = mails;
        this.events = events;
        this.publicUrl = publicUrl;
    }

    /** Not when nothing is left: the depletion's own mail, from the same decision, says so. */
    @EventHandler
    void on(StockReachedReorderThreshold e, EventMessage<?> message) {
        if (e.available() <= 0) return;
        product(e.productId()).ifPresent(p -> {
            Map<String, Object> model = p.model(publicUrl);
            model.put("available", e.available());
            model.put("threshold", e.reorderThreshold());
            mails.send(LOW, p.vendorId(), message, model);
        });
    }

    @EventHandler
    void on(StockDepleted e, EventMessage<?> message) {
        product(e.productId()).ifPresent(p -> mails.send(DEPLETED, p.vendorId(), message, p.model(publicUrl)));
    }

    /** The product's vendor and its name and SKU as they are now, from its own stream (an alert is rare). */
    private Optional<Product> product(ProductId id) {
        DomainEventStream stream = events.readEvents(id.value(), 0);
        Product product = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof ProductCreated c) {
                product = new Product(c.productId().value(), c.vendorId().value(), c.name(), c.sku());
            } else if (event.getPayload() instanceof ProductUpdated u && product != null) {
                product = new Product(product.id(), product.vendorId(), u.name(), u.sku());
            }
        }
        return Optional.ofNullable(product);
    }

    private record Product(String id, String vendorId, String name, String sku) {
        Map<String, Object> model(String publicUrl) {
            Map<String, Object> model = new HashMap<>();
            model.put("productName", name);
            model.put("sku", sku);
            model.put("inventoryUrl", publicUrl + "/api/v1/products/" + id + "/inventory");
            return model;
        }
    }
}
