package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take the coupon off the user's cart. */
public record RemoveCoupon(UserId userId) {
    @TargetAggregateIdentifier
    public String cartId() { return CartIds.cart(userId); }
}
