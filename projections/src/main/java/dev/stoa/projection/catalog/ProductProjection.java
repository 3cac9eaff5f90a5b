package dev.stoa.projection.catalog;

import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.catalog.ProductUpdated;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code product_view}: details and rating of every product (stock levels: {@code inventory_view}). */
@Component
@ProcessingGroup(ProductProjection.NAME)
public class ProductProjection {
    public static final String NAME = "product-read-model";
    private final ProductViewRepository products;

    public ProductProjection(ProductViewRepository products) { this.products = products; }

    @EventHandler
    void on(ProductCreated e, @Timestamp Instant at) {
        ProductEntity p = new ProductEntity(e.productId().value(), e.vendorId().value(), at);
        p.details(e.sku(), e.slug(), e.name(), e.description(), e.priceCents(), e.compareAtPriceCents(),
                e.currency(), e.categoryId() == null ? null : e.categoryId().value(), e.brand(), e.weightGrams(),
                e.active(), at);
        products.save(p);
    }

    @EventHandler
    void on(ProductUpdated e, @Timestamp Instant at) {
        ProductEntity p = products.getReferenceById(e.productId().value());
        p.details(e.sku(), e.slug(), e.name(), e.description(), e.priceCents(), e.compareAtPriceCents(),
                e.currency(), e.categoryId() == null ? null : e.categoryId().value(), e.brand(), e.weightGrams(),
                e.active(), at);
    }

    @EventHandler
    void on(ProductUnlisted e, @Timestamp Instant at) {
        products.getReferenceById(e.productId().value()).unlist(at);
    }

    @ResetHandler
    void reset() { products.deleteAllInBatch(); }
}
