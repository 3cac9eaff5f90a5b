package dev.stoa.query.inventory;

import dev.stoa.api.inventory.FindInventory;
import dev.stoa.api.inventory.InventoryView;
import dev.stoa.projection.inventory.InventoryViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers a product's stock levels from inventory_view. */
@Component
@Transactional(readOnly = true)
public class InventoryQueryHandler {
    private final InventoryViewRepository inventories;

    public InventoryQueryHandler(InventoryViewRepository inventories) { this.inventories = inventories; }

    @QueryHandler
    public InventoryView handle(FindInventory query) {
        return inventories.findById(query.productId().value()).map(i -> {
            boolean seller = query.viewer() != null && (query.viewer().isAdmin()
                    || query.viewer().userId().equals(i.getVendorId()));
            return new InventoryView(i.getProductId(), i.getOnHand(), i.getReserved(), i.getAvailable(),
                    seller ? i.getReorderThreshold() : null, seller ? i.getWarehouseLocation() : null, i.getUpdatedAt());
        }).orElse(null);
    }
}
