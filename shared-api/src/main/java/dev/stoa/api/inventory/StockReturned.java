package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** The units a cancelled order had taken are back on hand: {@code onHand} rose by {@code quantity}. */
@Revision("1")
public record StockReturned(ProductId productId, OrderId orderId, int quantity, int onHand, int reserved, int available)
                            implements StockScoped {}
