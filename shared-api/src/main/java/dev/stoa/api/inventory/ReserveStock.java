package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hold {@code quantity} (positive) units of a product for an order: {@code reserved} rises, {@code available} falls.
 * Refused with {@code insufficient_stock} when fewer units are available. Idempotent per order: reserving again for
 * an order that holds a reservation of this product changes nothing and succeeds.
 */
public record ReserveStock(ProductId productId, OrderId orderId, int quantity) {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
