package dev.stoa.projection.catalog.search;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.ProductRestocked;
import dev.stoa.api.inventory.StockAdjusted;
import dev.stoa.api.inventory.StockReservationReleased;
import dev.stoa.api.inventory.StockReserved;
import dev.stoa.api.ordering.OrderId;

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
        return adjusted(id, 0, available);
    }

    static StockAdjusted adjusted(ProductId id, int previousOnHand, int available) {
        return new StockAdjusted(id, previousOnHand, available, 0, available, 0, "A1");
    }

    static StockReserved reserved(ProductId id, int quantity, int available) {
        return new StockReserved(id, OrderId.random(), quantity, available + quantity, quantity, available);
    }

    static StockReservationReleased released(ProductId id, int quantity, int available) {
        return new StockReservationReleased(id, OrderId.random(), quantity, available, 0, available);
    }

    static ProductRestocked restocked(ProductId id, int quantity, int available) {
        return new ProductRestocked(id, quantity, available, 0, available);
    }
}
