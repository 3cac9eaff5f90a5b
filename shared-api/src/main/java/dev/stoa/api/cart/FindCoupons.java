package dev.stoa.api.cart;

import java.time.Instant;
import java.util.List;

/** Every coupon, newest first, with its open redemption count (admin). */
public record FindCoupons(int limit, int offset) {
    public record Result(List<CouponView> items, long total, int limit, int offset) {}

    public record CouponView(String code, Integer percentOff, Long amountOffCents, String currency, Long minSubtotalCents,
                             Instant validFrom, Instant validUntil, Integer maxRedemptions,
                             Integer maxRedemptionsPerUser, boolean active, int redemptions, Instant createdAt) {}
}
