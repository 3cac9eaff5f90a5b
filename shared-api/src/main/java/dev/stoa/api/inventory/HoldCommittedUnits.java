package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An order's reservation committed at payment (before 2026-12-05, when units left {@code onHand} then) holds its
 * {@code quantity} units not shipped yet again: {@code onHand} and {@code reserved} rise by it, {@code available}
 * stays ({@link CommittedUnitsHeld}); the reservation is open again, committed when the line ships. Only from a
 * committed reservation whose units did not come back; otherwise (open, released, returned, held already) nothing.
 */
public record HoldCommittedUnits(ProductId productId, OrderId orderId, int quantity) {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
