package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** A new line entered the cart. */
@Revision("1")
public record CartItemAdded(String cartId, UserId userId, CartItemType itemType, String itemId, int quantity) {}
