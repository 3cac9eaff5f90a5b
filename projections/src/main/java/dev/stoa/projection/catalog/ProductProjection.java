package dev.stoa.projection.catalog;

import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.review.RatingSummary;
import dev.stoa.api.review.ReviewDeleted;
import dev.stoa.api.review.ReviewEdited;
import dev.stoa.api.review.ReviewPosted;
import dev.stoa.api.review.ReviewRemoved;
import dev.stoa.api.review.ReviewWithdrawn;
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

    /**
     * Ratings: each review event carries the product's rating after it. Review events belong to another aggregate
     * ({@code reviews-<productId>}): {@link ProductSequencing} puts them in the product's segment, after its creation.
     */
    @EventHandler
    void on(ReviewPosted e) { rated(e.productId(), e.productRating()); }

    @EventHandler
    void on(ReviewEdited e) { rated(e.productId(), e.productRating()); }

    @EventHandler
    void on(ReviewDeleted e) { rated(e.productId(), e.productRating()); }

    @EventHandler
    void on(ReviewRemoved e) { rated(e.productId(), e.productRating()); }

    @EventHandler
    void on(ReviewWithdrawn e) { rated(e.productId(), e.productRating()); }

    private void rated(ProductId productId, RatingSummary rating) {
        products.getReferenceById(productId.value()).rated(rating.average(), rating.count());
    }

    @ResetHandler
    void reset() { products.deleteAllInBatch(); }
}
