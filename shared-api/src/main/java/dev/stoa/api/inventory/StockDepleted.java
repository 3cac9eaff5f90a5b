package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import org.axonframework.serialization.Revision;

/** Available stock fell to zero, from above it: the product cannot be bought until restocked. */
@Revision("1")
public record StockDepleted(ProductId productId) {}
