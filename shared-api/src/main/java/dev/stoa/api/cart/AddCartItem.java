package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put an item into the user's cart, or add to its quantity if it is there already. */
public record AddCartItem(UserId userId, CartItemType itemType, String itemId, int quantity) {
    @TargetAggregateIdentifier
    public String cartId() { return CartIds.cart(userId); }
}
