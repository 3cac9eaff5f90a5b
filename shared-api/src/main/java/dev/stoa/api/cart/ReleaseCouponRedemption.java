package dev.stoa.api.cart;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives back the redemption made for an order cancelled before it was paid. Idempotent; nothing if none.
 * <p>
 * A step of an order's cancellation: sent by its request ({@code POST /orders/{id}/cancel}) and by the order's
 * saga, whichever first ({@link CompletesItsWrite}).
 */
public record ReleaseCouponRedemption(String code, OrderId orderId) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String couponId() { return CartIds.coupon(code); }
}
