package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A paid order was cancelled before it shipped: the {@code quantity} units its reservation committed are back on
 * hand ({@code StockReturned}). An open reservation is released instead; a reservation never made, released, or
 * returned already changes nothing. Sent by the order saga.
 */
public record ReturnCommittedStock(ProductId productId, OrderId orderId, int quantity) {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
