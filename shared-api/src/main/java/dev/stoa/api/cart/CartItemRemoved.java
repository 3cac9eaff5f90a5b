package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** A line left the cart. */
@Revision("1")
public record CartItemRemoved(String cartId, UserId userId, CartItemType itemType, String itemId) {}
