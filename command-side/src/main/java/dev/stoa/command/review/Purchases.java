package dev.stoa.command.review;

import dev.stoa.api.catalog.ProductId;

/** Who bought what, as the review rules need it: never a read model of the query side (see {@link JdbcPurchases}). */
public interface Purchases {
    /** Whether {@code userId} has a confirmed, shipped or delivered order (not cancelled) that contains the product. */
    boolean hasBought(String userId, ProductId productId);

    /** Whether the product exists at all (so that a review of an unknown product is 404, not 403). */
    boolean productExists(ProductId productId);

    /** Whether {@code userId} is the product's vendor (who does not review what it sells). */
    boolean sells(String userId, ProductId productId);
}
