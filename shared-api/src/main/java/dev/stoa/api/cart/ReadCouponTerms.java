package dev.stoa.api.cart;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The checkout reads a coupon's terms before it redeems it: the discount prices the order, and a wallet that could not
 * pay it is refused before the coupon is redeemed (before 2026-12-07 a checkout the wallet could not pay held a
 * single-use coupon's last use until its refusal gave it back, and another buyer's checkout was refused
 * {@code coupon_exhausted} meanwhile; found by a walkthrough). Changes nothing; answers the terms.
 */
public record ReadCouponTerms(String code) {
    @TargetAggregateIdentifier
    public String couponId() { return CartIds.coupon(code); }
}
