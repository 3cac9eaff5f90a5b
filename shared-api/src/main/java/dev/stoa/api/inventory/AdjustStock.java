package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set a product's stock after a count: {@code onHand} units in the warehouse (those held for orders not shipped yet
 * included), the reorder threshold and where they are. A null field keeps its value; an empty
 * {@code warehouseLocation} clears it. {@code onHand} may not fall below what is reserved for orders. With
 * {@code expectedOnHand} the count applies only if {@code onHand} is still that ({@code stock_changed} otherwise).
 */
public record AdjustStock(ProductId productId, Integer onHand, Integer expectedOnHand, Integer reorderThreshold,
                          String warehouseLocation, Actor actor) {

    /** A count without a precondition. */
    public AdjustStock(ProductId productId, Integer onHand, Integer reorderThreshold, String warehouseLocation, Actor actor) {
        this(productId, onHand, null, reorderThreshold, warehouseLocation, actor);
    }

    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
