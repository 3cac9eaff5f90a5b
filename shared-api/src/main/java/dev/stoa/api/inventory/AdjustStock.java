package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set a product's stock level after a count: {@code onHand} units in the warehouse, the reorder
 * threshold and where they are. {@code onHand} may not fall below what is reserved for orders.
 */
public record AdjustStock(ProductId productId, int onHand, int reorderThreshold,
                          String warehouseLocation, Actor actor) {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
