package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * A product's stock is kept from now on by its own inventory, for {@code vendorId}. A new product's levels are zero;
 * a product listed before inventories existed starts from the levels its own stream recorded.
 */
@Revision("1")
public record InventoryOpened(ProductId productId, UserId vendorId, int onHand, int reserved, int available,
                              int reorderThreshold, String warehouseLocation) implements StockScoped {}
