package dev.stoa.api.cart;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin withdraws a coupon: it no longer applies; redemptions already made stay. */
public record DeactivateCoupon(String code) {
    @TargetAggregateIdentifier
    public String couponId() { return CartIds.coupon(code); }
}
