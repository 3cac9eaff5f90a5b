package dev.stoa.api.cart;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin creates a coupon code; the code must not exist yet (also not a deactivated one). */
public record CreateCoupon(CouponTerms terms) {
    @TargetAggregateIdentifier
    public String couponId() { return CartIds.coupon(terms.code()); }
}
