package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** A line's quantity changed; {@code quantity} is the line's quantity now. */
@Revision("1")
public record CartItemQuantityChanged(String cartId, UserId userId, CartItemType itemType, String itemId, int quantity) {}
