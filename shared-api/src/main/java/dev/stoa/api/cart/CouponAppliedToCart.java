package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** A coupon was applied to the cart (it had been checked to apply at that moment). */
@Revision("1")
public record CouponAppliedToCart(String cartId, UserId userId, String code) {}
