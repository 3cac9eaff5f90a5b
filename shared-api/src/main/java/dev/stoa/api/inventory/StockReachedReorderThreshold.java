package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import org.axonframework.serialization.Revision;

/** Available stock fell to (or below) the reorder threshold, from above it: time to reorder. */
@Revision("1")
public record StockReachedReorderThreshold(ProductId productId, int available, int reorderThreshold) {}
