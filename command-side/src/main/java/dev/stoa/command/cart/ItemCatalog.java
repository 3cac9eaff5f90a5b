package dev.stoa.command.cart;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import java.util.Optional;

/**
 * What the cart and the checkout need to know about a product: for sale, name, SKU, vendor, price, currency, weight
 * (from the product's events), and the stock available now (from its inventory). Read from the aggregates' events,
 * never from read models.
 */
public interface ItemCatalog {
    Optional<ProductFacts> product(ProductId productId);

    /** Units available to sell now; 0 for a product without an inventory. Call inside a command's unit of work. */
    int available(ProductId productId);

    /** A product as its events left it. */
    record ProductFacts(String name, String sku, UserId vendorId, long unitPriceCents, String currency, Integer weightGrams,
                        boolean active) {}
}
