package dev.stoa.projection.catalog.search;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.ProductRestocked;
import dev.stoa.api.inventory.StockAdjusted;

/** Events as the Product aggregate emits them, with only what a test cares about as parameters. */
final class ProductEvents {
    static final UserId VENDOR = UserId.random();
    static final CategoryId AUDIO = CategoryId.random();

    private ProductEvents() {}

    static ProductCreated created(ProductId id, String name, String brand, long priceCents) {
        return new ProductCreated(id, VENDOR, "SKU-" + id.value().substring(0, 8), "slug-" + id.value(), name,
                name + " description", priceCents, null, "EUR", AUDIO, brand, 250, true);
    }

    static ProductUpdated updated(ProductCreated c, String name, long priceCents) {
        return new ProductUpdated(c.productId(), c.sku(), c.slug(), name, c.description(), priceCents, null,
                c.currency(), c.categoryId(), c.brand(), c.weightGrams(), true);
    }

    static ProductUnlisted unlisted(ProductId id) { return new ProductUnlisted(id); }

    static StockAdjusted adjusted(ProductId id, int available) {
        return new StockAdjusted(id, 0, available, 0, available, 0, "A1");
    }

    static ProductRestocked restocked(ProductId id, int quantity, int available) {
        return new ProductRestocked(id, quantity, available, 0, available);
    }
}
