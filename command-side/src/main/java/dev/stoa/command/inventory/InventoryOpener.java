package dev.stoa.command.inventory;

import dev.stoa.api.catalog.ProductCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The safety net behind the product controller: every product gets an inventory, also one whose controller call
 * failed after the product was stored, and every product listed before inventories existed (this processor starts
 * at the beginning of the log, and an inventory opens with the levels the product's stream recorded). Opening is
 * idempotent, so a replay or a redelivery changes nothing.
 */
@Component
@ProcessingGroup(InventoryOpener.NAME)
class InventoryOpener {
    static final String NAME = "inventory-opener";
    private final InventoryOpening opening;

    InventoryOpener(InventoryOpening opening) { this.opening = opening; }

    @EventHandler
    void on(ProductCreated e) { opening.open(e.productId(), e.vendorId()); }
}
