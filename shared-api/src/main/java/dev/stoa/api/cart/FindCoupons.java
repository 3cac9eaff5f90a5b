package dev.stoa.api.cart;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/** Every coupon, newest first, with its open redemption count (admin). */
public record FindCoupons(int limit, int offset) {
    public record Result(List<CouponView> items, long total, int limit, int offset) {}

    public record CouponView(String code, @MayBeNull Integer percentOff, @MayBeNull Long amountOffCents,
                             String currency, @MayBeNull Long minSubtotalCents, @MayBeNull Instant validFrom,
                             @MayBeNull Instant validUntil, @MayBeNull Integer maxRedemptions,
                             @MayBeNull Integer maxRedemptionsPerUser, boolean active, int redemptions,
                             Instant createdAt) {}
}
