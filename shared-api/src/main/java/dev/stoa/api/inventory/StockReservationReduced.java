package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * A refund (its withdrawal {@code receiptId}, {@code withdrawn-<refundId>}) took {@code quantity} units out of order
 * {@code orderId} before they shipped: the order's reservation holds that many fewer, {@code reserved} fell and
 * {@code available} rose by {@code quantity}; {@code onHand} is unchanged (they never left the warehouse).
 */
@Revision("1")
public record StockReservationReduced(ProductId productId, OrderId orderId, String receiptId, int quantity, int onHand,
                                      int reserved, int available) implements StockScoped {}
