package dev.stoa.api.cart;

import org.axonframework.serialization.Revision;

/** An admin withdrew the coupon. */
@Revision("1")
public record CouponDeactivated(String code) {}
