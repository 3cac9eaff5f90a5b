package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** Every line and the coupon left the cart (by the user, or by the checkout after an order). */
@Revision("1")
public record CartCleared(String cartId, UserId userId) {}
