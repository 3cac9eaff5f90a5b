package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;

/**
 * The identifier of a product's {@code Inventory} aggregate. It must differ from the product's own: both streams live
 * in one event store whose key is (aggregate identifier, sequence number).
 */
public final class InventoryIds {
    public static final String PREFIX = "inventory-";

    private InventoryIds() {}

    public static String of(ProductId productId) { return PREFIX + productId.value(); }
}
