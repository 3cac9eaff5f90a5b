package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** Units were set aside for an order; the new levels follow. */
@Revision("1")
public record StockReserved(ProductId productId, OrderId orderId, int quantity, int onHand, int reserved, int available)
                            implements StockScoped {}
