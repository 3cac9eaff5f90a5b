package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A paid order was cancelled before it shipped: the {@code quantity} units its reservation committed are back on
 * hand ({@code StockReturned}). An open reservation is released instead; a reservation never made, released, or
 * returned already changes nothing. Sent by the order saga.
 * <p>
 * A step of an order's cancellation: sent by its request ({@code POST /orders/{id}/cancel}) and by the order's
 * saga, whichever first ({@link CompletesItsWrite}).
 */
public record ReturnCommittedStock(ProductId productId, OrderId orderId, int quantity) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
