package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.Actor;

/**
 * A product's stock levels, as {@code viewer} may see them: the levels for anyone, the product's stock settings
 * ({@code reorderThreshold}, {@code warehouseLocation}) only for its vendor and admins. A null viewer is anonymous.
 */
public record FindInventory(ProductId productId, Actor viewer) {

    /** As the platform itself reads it: with the settings. */
    public FindInventory(ProductId productId) { this(productId, Actor.system()); }
}
