package dev.stoa.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.*;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.app.support.ApiTest;
import dev.stoa.projection.inventory.InventoryProjection;
import dev.stoa.query.inventory.InventoryQueryHandler;
import dev.stoa.testsupport.EventBatch;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * inventory_view fed events the way its processor feeds them, then read through the query handler: only the
 * inventory's own stream counts; stock events of a product's stream from before inventories are skipped.
 */
class InventoryProjectionIT extends ApiTest {
    @Autowired InventoryProjection projection;
    @Autowired InventoryQueryHandler queries;
    @Autowired TransactionTemplate tx;

    @Test
    void inventoryEventsBuildTheViewAndProductStreamStockIsSkipped() {
        ProductId id = ProductId.random();
        String inventory = InventoryIds.of(id);
        OrderId order = OrderId.random();
        Instant t0 = Instant.parse("2026-03-04T05:06:07Z");

        project("Product", id.value(), 1, new StockAdjusted(id, 0, 12, 0, 12, 4, "B-7"), t0);
        assertThat(queries.handle(new FindInventory(id))).as("no inventory yet: a product's own stock events build nothing").isNull();

        project("Inventory", inventory, 0, new InventoryOpened(id, UserId.random(), 12, 0, 12, 4, "B-7"), t0.plusSeconds(1));
        project("Inventory", inventory, 1, new ProductRestocked(id, 3, 15, 0, 15), t0.plusSeconds(2));
        project("Inventory", inventory, 2, new StockReserved(id, order, 5, 15, 5, 10), t0.plusSeconds(3));
        project("Product", id.value(), 2, new ProductRestocked(id, 100, 112, 0, 112), t0.plusSeconds(4)); // late, old stream
        assertThat(queries.handle(new FindInventory(id)))
                .isEqualTo(new InventoryView(id.value(), 15, 5, 10, 4, "B-7", t0.plusSeconds(3)));

        project("Inventory", inventory, 3, new StockReservationCommitted(id, order, 5, 10, 0, 10), t0.plusSeconds(5));
        project("Inventory", inventory, 4, new StockAdjusted(id, 10, 8, 0, 8, 9, "C-1"), t0.plusSeconds(6));
        assertThat(queries.handle(new FindInventory(id)))
                .isEqualTo(new InventoryView(id.value(), 8, 0, 8, 9, "C-1", t0.plusSeconds(6)));
    }

    /** One event of an aggregate's stream, handled as the processor would handle it, in its own transaction. */
    private void project(String aggregateType, String aggregateId, long sequence, Object event, Instant at) {
        tx.executeWithoutResult(s -> {
            try {
                EventBatch.to(projection).at(0, aggregateType, aggregateId, sequence, event, at).handle();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
