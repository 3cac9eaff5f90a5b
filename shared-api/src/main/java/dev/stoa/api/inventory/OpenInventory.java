package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open the stock of a product that was created, for its vendor. Idempotent: opening an open inventory changes
 * nothing. Sent right after {@code CreateProduct}, and by the {@code inventory-opener} processor for every
 * {@code ProductCreated} (so products listed before inventories existed get one too, with the levels their own
 * stream recorded). Whichever copy comes first opens it; it completes its write ({@link CompletesItsWrite}), so the
 * product's creation answers after its inventory can be read either way.
 */
public record OpenInventory(ProductId productId, UserId vendorId) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
