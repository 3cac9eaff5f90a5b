package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What a checkout took went back into the cart, its order not placed. {@code lines} are the lines it touched, each
 * with its quantity in the cart now (a line added again meanwhile holds both quantities); {@code couponCode} is the
 * coupon put back, or null if none was (the checkout took none, or the cart has one again).
 */
@Revision("1")
public record CartCheckoutUndone(String cartId, UserId userId, OrderId orderId, List<CartContents.Line> lines,
                                 String couponCode) {
    public CartCheckoutUndone {
        lines = List.copyOf(lines);
    }
}
