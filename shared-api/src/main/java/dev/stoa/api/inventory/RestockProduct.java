package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Goods arrived: add {@code quantity} (positive) units on hand. */
public record RestockProduct(ProductId productId, int quantity, Actor actor) {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
