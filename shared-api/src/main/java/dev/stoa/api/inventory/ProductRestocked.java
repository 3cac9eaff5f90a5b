package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import org.axonframework.serialization.Revision;

/** {@code quantity} units arrived; the new levels follow. */
@Revision("1")
public record ProductRestocked(ProductId productId, int quantity, int onHand, int reserved, int available)
                               implements StockScoped {}
