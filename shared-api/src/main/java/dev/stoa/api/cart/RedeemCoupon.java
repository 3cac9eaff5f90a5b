package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The checkout redeems a coupon for an order: enforces {@code maxRedemptions} and {@code maxRedemptionsPerUser}
 * exactly (409 {@code coupon_exhausted} past them) and that the coupon is active and in its window. Idempotent per
 * order: redeeming again for the same order changes nothing and succeeds. Answers the coupon's terms.
 */
public record RedeemCoupon(String code, UserId userId, OrderId orderId) {
    @TargetAggregateIdentifier
    public String couponId() { return CartIds.coupon(code); }
}
