package dev.stoa.command.inventory;

import dev.stoa.api.catalog.ProductId;
import java.util.Optional;

/** The levels a product's inventory opens with: what the product's own stream recorded before inventories existed. */
@FunctionalInterface
public interface OpeningStock {
    record Levels(int onHand, int reserved, int reorderThreshold, String warehouseLocation) {
        public static final Levels NONE = new Levels(0, 0, 0, null);
    }

    /** Empty if no such product was ever created. */
    Optional<Levels> of(ProductId productId);
}
