package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reserved goods leave with the order: {@code onHand} and {@code reserved} both fall by what the reservation holds
 * (less units a refund withdrew). Sent by the order's saga when the line ships, or, for a product not shipped (a
 * digital one), when the order is paid. Does nothing if it was committed already; refused ({@code invalid_transition}) if it was
 * released, and {@code not_found} if the order never reserved this product.
 * <p>
 * The shipping request ({@code PUT /orders/{id}/status}) sends it too, and the saga's copy may come first: it
 * completes its write ({@link CompletesItsWrite}), so the answer covers the stock either way (a read right after a
 * shipment showed the units still reserved when the saga won; seen in a test run, 2026-12-06).
 */
public record CommitStockReservation(ProductId productId, OrderId orderId) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
