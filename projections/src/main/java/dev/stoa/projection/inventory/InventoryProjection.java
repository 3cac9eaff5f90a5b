package dev.stoa.projection.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.*;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.stereotype.Component;

/**
 * Builds {@code inventory_view} from the events of the {@code Inventory} aggregates only. {@code StockAdjusted} and
 * {@code ProductRestocked} from a product's own stream (recorded before inventories existed) are skipped:
 * {@code InventoryOpened} carries the levels they left, and a product's stream and its inventory's may be handled by
 * different segments, so the older events could otherwise land after newer ones.
 */
@Component
@ProcessingGroup(InventoryProjection.NAME)
public class InventoryProjection {
    public static final String NAME = "inventory-read-model";
    private final InventoryViewRepository inventories;

    public InventoryProjection(InventoryViewRepository inventories) { this.inventories = inventories; }

    @EventHandler
    public void on(InventoryOpened e, @Timestamp Instant at) {
        InventoryEntity row = new InventoryEntity(e.productId().value(), e.vendorId().value());
        row.levels(e.onHand(), e.reserved(), e.available(), at);
        row.settings(e.reorderThreshold(), e.warehouseLocation());
        inventories.save(row);
    }

    @EventHandler
    public void on(StockAdjusted e, @SourceId String source, @Timestamp Instant at) {
        if (!ofInventory(source)) return;
        InventoryEntity row = row(e.productId());
        row.levels(e.onHand(), e.reserved(), e.available(), at);
        row.settings(e.reorderThreshold(), e.warehouseLocation());
    }

    @EventHandler
    public void on(ProductRestocked e, @SourceId String source, @Timestamp Instant at) {
        if (ofInventory(source)) row(e.productId()).levels(e.onHand(), e.reserved(), e.available(), at);
    }

    @EventHandler
    public void on(StockReserved e, @Timestamp Instant at) {
        row(e.productId()).levels(e.onHand(), e.reserved(), e.available(), at);
    }

    @EventHandler
    public void on(StockReservationReleased e, @Timestamp Instant at) {
        row(e.productId()).levels(e.onHand(), e.reserved(), e.available(), at);
    }

    @EventHandler
    public void on(CommittedUnitsHeld e, @Timestamp Instant at) {
        row(e.productId()).levels(e.onHand(), e.reserved(), e.available(), at);
    }

    @EventHandler
    public void on(StockReservationReduced e, @Timestamp Instant at) {
        row(e.productId()).levels(e.onHand(), e.reserved(), e.available(), at);
    }

    @EventHandler
    public void on(StockReservationCommitted e, @Timestamp Instant at) {
        row(e.productId()).levels(e.onHand(), e.reserved(), e.available(), at);
    }

    @EventHandler
    public void on(StockReturned e, @Timestamp Instant at) {
        row(e.productId()).levels(e.onHand(), e.reserved(), e.available(), at);
    }

    @EventHandler
    public void on(ReturnedStockRestocked e, @Timestamp Instant at) {
        row(e.productId()).levels(e.onHand(), e.reserved(), e.available(), at);
    }

    @ResetHandler
    void reset() { inventories.deleteAllInBatch(); }

    private static boolean ofInventory(String aggregateId) { return aggregateId.startsWith(InventoryIds.PREFIX); }

    private InventoryEntity row(ProductId id) { return inventories.getReferenceById(id.value()); }
}
