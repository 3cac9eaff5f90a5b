package dev.stoa.command.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.StockDepleted;
import dev.stoa.api.inventory.StockReachedReorderThreshold;
import dev.stoa.command.cart.ItemCatalog;
import dev.stoa.command.ordering.BuyerMails;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
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
    private final ItemCatalog products;
    private final String publicUrl;

    StockAlertMails(BuyerMails mails, ItemCatalog products, @Value("${stoa.public-url:http://localhost:8080}") String publicUrl) {
        this.mails = mails;
        this.products = products;
        this.publicUrl = publicUrl;
    }

    /** Not when nothing is left: the depletion's own mail, from the same decision, says so. */
    @EventHandler
    void on(StockReachedReorderThreshold e, EventMessage<?> message) {
        if (e.available() <= 0) return;
        products.product(e.productId()).ifPresent(p -> {
            Map<String, Object> model = model(e.productId(), p);
            model.put("available", e.available());
            model.put("threshold", e.reorderThreshold());
            mails.send(LOW, p.vendorId().value(), message, model);
        });
    }

    @EventHandler
    void on(StockDepleted e, EventMessage<?> message) {
        products.product(e.productId())
                .ifPresent(p -> mails.send(DEPLETED, p.vendorId().value(), message, model(e.productId(), p)));
    }

    /** The product's name, SKU and link, as the mails say them. */
    private Map<String, Object> model(ProductId id, ItemCatalog.ProductFacts product) {
        Map<String, Object> model = new HashMap<>();
        model.put("productName", product.name());
        model.put("sku", product.sku());
        model.put("inventoryUrl", publicUrl + "/api/v1/products/" + id.value() + "/inventory");
        return model;
    }
}
