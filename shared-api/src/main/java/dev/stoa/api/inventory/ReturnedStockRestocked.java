package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** Returned units of order {@code orderId} (parcel {@code receiptId}) are back on hand: {@code onHand} rose by {@code quantity}. */
@Revision("1")
public record ReturnedStockRestocked(ProductId productId, OrderId orderId, String receiptId, int quantity, int onHand,
                                     int reserved, int available) implements StockScoped {}
