package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A checkout that took the cart ({@link CheckOutCart}) did not place its order (refused, or its request died): what
 * it took goes back into the cart ({@link CartCheckoutUndone}). Idempotent: a second undo of the same order, or the
 * undo of an order that never took this cart, changes nothing.
 */
public record UndoCartCheckout(UserId userId, OrderId orderId) {
    @TargetAggregateIdentifier
    public String cartId() { return CartIds.cart(userId); }
}
