package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import org.axonframework.serialization.Revision;

/**
 * A product's stock level was set by a count. {@code available} = {@code onHand} - {@code reserved}.
 */
@Revision("1")
public record StockAdjusted(ProductId productId, int previousOnHand, int onHand, int reserved, int available,
                            int reorderThreshold, String warehouseLocation) implements StockScoped {}
