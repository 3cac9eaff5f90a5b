package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The checkout takes the user's cart for an order, before it reserves anything: every line and the coupon leave the
 * cart at once ({@link CartCheckedOut}), provided they are still exactly what the checkout read and priced
 * ({@code expected}). A cart changed since (a line added, changed or removed, the coupon changed, or the cart taken by
 * another checkout) is refused with 409 {@code concurrent_modification}, an empty one with 422 {@code cart_empty}.
 * Lines added while the order is being placed therefore stay in the cart, and one cart makes one order.
 */
public record CheckOutCart(UserId userId, OrderId orderId, CartContents expected) {
    @TargetAggregateIdentifier
    public String cartId() { return CartIds.cart(userId); }
}
