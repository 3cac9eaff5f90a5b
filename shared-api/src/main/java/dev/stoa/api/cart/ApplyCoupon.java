package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Apply a coupon code to the user's cart (replacing any earlier one) after checking it applies. */
public record ApplyCoupon(UserId userId, String code) {
    @TargetAggregateIdentifier
    public String cartId() { return CartIds.cart(userId); }
}
