package dev.stoa.api.inventory;

/** Stock levels of one product; {@code available} = {@code onHand} - {@code reserved}. */
public record InventoryView(String productId, int onHand, int reserved, int available, int reorderThreshold,
                            String warehouseLocation) {}
