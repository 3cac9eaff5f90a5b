package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;

/** The user's cart priced for a destination: that address of the user's, else the default one, else the origin. */
public record FindCart(UserId userId, String shippingAddressId) {}
