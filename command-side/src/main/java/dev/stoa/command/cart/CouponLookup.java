package dev.stoa.command.cart;

import dev.stoa.api.cart.CouponTerms;
import dev.stoa.api.identity.UserId;
import java.util.Optional;

/** A coupon as its aggregate holds it now, seen by one user: terms, whether active, open redemptions. */
public interface CouponLookup {
    Optional<CouponState> find(String code, UserId userId);

    record CouponState(CouponTerms terms, boolean active, int redemptions, int userRedemptions) {}
}
