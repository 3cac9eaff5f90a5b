package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Empty the user's cart (lines and coupon); the checkout sends it once an order is placed. */
public record ClearCart(UserId userId) {
    @TargetAggregateIdentifier
    public String cartId() { return CartIds.cart(userId); }
}
