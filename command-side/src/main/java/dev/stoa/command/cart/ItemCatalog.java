package dev.stoa.command.cart;

import dev.stoa.api.catalog.ProductId;
import java.util.Optional;

/**
 * What the cart needs to know about a product when a line is added or changed: for sale, price, currency, weight,
 * stock available now. Read from the event store (the command side never reads read models).
 */
public interface ItemCatalog {
    Optional<ProductFacts> product(ProductId productId);

    /** A product as its events left it; {@code available} is the stock available to sell now. */
    record ProductFacts(String name, long unitPriceCents, String currency, Integer weightGrams, boolean active,
                        int available) {}
}
