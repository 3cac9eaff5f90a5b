package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The checkout reads the user's cart from the aggregate itself (not from a read model): answers {@link CartContents},
 * changes nothing. A user without a cart gets an empty one.
 */
public record ReadCartForCheckout(UserId userId) {
    @TargetAggregateIdentifier
    public String cartId() { return CartIds.cart(userId); }
}
