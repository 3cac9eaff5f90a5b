package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The {@code quantity} units of order {@code orderId} committed at payment (before 2026-12-05) and not shipped yet are
 * counted on hand again and reserved for it until they ship: {@code onHand} and {@code reserved} rose by
 * {@code quantity}, {@code available} is unchanged.
 */
@Revision("1")
public record CommittedUnitsHeld(ProductId productId, OrderId orderId, int quantity, int onHand, int reserved, int available)
        implements StockScoped {}
