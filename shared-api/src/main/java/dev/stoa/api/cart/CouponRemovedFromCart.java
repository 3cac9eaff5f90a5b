package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** The coupon was taken off the cart. */
@Revision("1")
public record CouponRemovedFromCart(String cartId, UserId userId, String code) {}
