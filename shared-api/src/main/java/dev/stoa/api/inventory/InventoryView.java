package dev.stoa.api.inventory;

import java.time.Instant;

/**
 * Stock levels of one product; {@code available} = {@code onHand} - {@code reserved} (units held for orders not yet
 * confirmed). {@code updatedAt}: when the levels or settings last changed.
 */
public record InventoryView(String productId, int onHand, int reserved, int available, int reorderThreshold,
                            String warehouseLocation, Instant updatedAt) {}
