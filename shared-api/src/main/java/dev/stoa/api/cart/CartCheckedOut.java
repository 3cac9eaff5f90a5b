package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The checkout took the cart for an order: these lines (with their quantities) and the coupon (or null) left it. The
 * cart is empty after it; lines added later are not part of that order.
 */
@Revision("1")
public record CartCheckedOut(String cartId, UserId userId, OrderId orderId, List<CartContents.Line> lines,
                             String couponCode) {
    public CartCheckedOut {
        lines = List.copyOf(lines);
    }
}
