package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** The coupon was redeemed for an order; {@code redemptions} and {@code userRedemptions} count open ones now. */
@Revision("1")
public record CouponRedeemed(String code, UserId userId, OrderId orderId, int redemptions, int userRedemptions) {}
