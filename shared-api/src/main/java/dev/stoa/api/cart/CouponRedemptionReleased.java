package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** An order's redemption was given back (cancelled before payment); {@code redemptions} counts open ones now. */
@Revision("1")
public record CouponRedemptionReleased(String code, UserId userId, OrderId orderId, int redemptions) {}
