package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give an order's reserved units back (order cancelled, expired or refused): {@code available} rises again. Does
 * nothing when the order holds no open reservation of this product.
 */
public record ReleaseStockReservation(ProductId productId, OrderId orderId) {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
