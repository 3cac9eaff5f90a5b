package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reserved goods leave with the order: {@code onHand} and {@code reserved} both fall by what the reservation holds
 * (less units a refund withdrew). Sent by the order's saga when the line ships, or, for a product not shipped (a
 * digital one), when the order is paid. Does nothing if it was committed already; refused ({@code invalid_transition}) if it was
 * released, and {@code not_found} if the order never reserved this product.
 */
public record CommitStockReservation(ProductId productId, OrderId orderId) {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
