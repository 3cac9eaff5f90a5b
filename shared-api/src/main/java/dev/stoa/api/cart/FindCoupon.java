package dev.stoa.api.cart;

/** One coupon by its code (normalised: see {@link CartIds#normaliseCode}); answers a {@link FindCoupons.CouponView} or null. */
public record FindCoupon(String code) {}
