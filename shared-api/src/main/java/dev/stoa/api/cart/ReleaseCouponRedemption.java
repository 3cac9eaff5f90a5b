package dev.stoa.api.cart;

import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives back the redemption made for an order cancelled before it was paid. Idempotent; nothing if none. */
public record ReleaseCouponRedemption(String code, OrderId orderId) {
    @TargetAggregateIdentifier
    public String couponId() { return CartIds.coupon(code); }
}
