package dev.stoa.command.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.OpenInventory;
import dev.stoa.command.platform.web.Commands;
import org.springframework.stereotype.Component;

/**
 * Opens a product's inventory. Two senders may race for a new product (the product controller and the
 * {@code inventory-opener} processor): both find no inventory and create one, and the second stream creation fails
 * on the event store's key. Sent once more, it finds the inventory open and changes nothing.
 */
@Component
public class InventoryOpening {
    private final Commands commands;

    InventoryOpening(Commands commands) { this.commands = commands; }

    public void open(ProductId productId, UserId vendorId) {
        OpenInventory open = new OpenInventory(productId, vendorId);
        try {
            commands.send(open);
        } catch (RuntimeException raced) {
            commands.send(open);
        }
    }
}
