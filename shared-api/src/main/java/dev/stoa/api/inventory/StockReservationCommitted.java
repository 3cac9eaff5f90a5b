package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * An order's reserved units left the warehouse (the line shipped; a product not shipped: the order was paid):
 * {@code onHand} and {@code reserved} fell by {@code quantity}.
 */
@Revision("1")
public record StockReservationCommitted(ProductId productId, OrderId orderId, int quantity, int onHand, int reserved, int available)
                                        implements StockScoped {}
