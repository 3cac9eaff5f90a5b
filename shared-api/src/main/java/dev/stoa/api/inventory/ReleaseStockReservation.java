package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give an order's reserved units back (order cancelled, expired or refused): {@code available} rises again. Does
 * nothing when the order holds no open reservation of this product.
 * <p>
 * A step of an order's cancellation: sent by its request ({@code POST /orders/{id}/cancel}) and by the order's
 * saga, whichever first ({@link CompletesItsWrite}).
 */
public record ReleaseStockReservation(ProductId productId, OrderId orderId) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
