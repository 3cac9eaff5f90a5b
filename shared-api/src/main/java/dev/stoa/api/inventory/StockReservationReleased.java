package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** An order's reserved units are available again; the new levels follow. */
@Revision("1")
public record StockReservationReleased(ProductId productId, OrderId orderId, int quantity, int onHand, int reserved, int available)
                                       implements StockScoped {}
