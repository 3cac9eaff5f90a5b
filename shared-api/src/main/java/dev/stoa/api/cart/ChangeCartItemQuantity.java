package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the quantity of a line of the user's cart (at least 1). */
public record ChangeCartItemQuantity(UserId userId, String itemId, int quantity) {
    @TargetAggregateIdentifier
    public String cartId() { return CartIds.cart(userId); }
}
