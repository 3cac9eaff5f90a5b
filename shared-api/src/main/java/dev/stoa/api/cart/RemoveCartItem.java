package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a line out of the user's cart. */
public record RemoveCartItem(UserId userId, String itemId) {
    @TargetAggregateIdentifier
    public String cartId() { return CartIds.cart(userId); }
}
