package dev.stoa.api.cart;

import dev.stoa.api.platform.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a coupon gives and when: exactly one of {@code percentOff} (1-100) or {@code amountOffCents} (at least 1) in
 * {@code currency}; optional minimum subtotal, validity window [validFrom, validUntil), total and per-user
 * redemption limits. The checks here are shared by the command side (applying, redeeming) and the cart view.
 */
public record CouponTerms(String code, Integer percentOff, Long amountOffCents, String currency, Long minSubtotalCents,
                          Instant validFrom, Instant validUntil, Integer maxRedemptions, Integer maxRedemptionsPerUser) {

    /** @return what is wrong with these terms, one message per field; empty when valid */
    public List<String[]> problems() {
        List<String[]> p = new ArrayList<>();
        if (!CartIds.isValidCode(code)) p.add(new String[] {"code", "3 to 32 letters, digits, '-' or '_'"});
        if ((percentOff == null) == (amountOffCents == null))
            p.add(new String[] {"percentOff", "give exactly one of percentOff and amountOffCents"});
        if (percentOff != null && (percentOff < 1 || percentOff > 100)) p.add(new String[] {"percentOff", "1 to 100"});
        if (amountOffCents != null && amountOffCents < 1) p.add(new String[] {"amountOffCents", "at least 1"});
        if (!Money.isCurrency(currency)) p.add(new String[] {"currency", Money.CURRENCY_RULE});
        if (minSubtotalCents != null && minSubtotalCents < 0) p.add(new String[] {"minSubtotalCents", "0 or more"});
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom))
            p.add(new String[] {"validUntil", "must be after validFrom"});
        if (maxRedemptions != null && maxRedemptions < 1) p.add(new String[] {"maxRedemptions", "at least 1"});
        if (maxRedemptionsPerUser != null && maxRedemptionsPerUser < 1)
            p.add(new String[] {"maxRedemptionsPerUser", "at least 1"});
        return p;
    }

    /**
     * Why the coupon does not apply to a cart of this currency and subtotal at {@code now}, or empty if it does
     * (limits are checked separately: they depend on redemptions).
     */
    public Optional<String> notApplicable(String cartCurrency, long subtotalCents, Instant now) {
        if (validFrom != null && now.isBefore(validFrom)) return Optional.of("not valid before " + validFrom);
        if (validUntil != null && !now.isBefore(validUntil)) return Optional.of("expired at " + validUntil);
        if (!currency.equals(cartCurrency))
            return Optional.of("for carts in " + currency + ", this cart is in " + cartCurrency);
        if (minSubtotalCents != null && subtotalCents < minSubtotalCents)
            return Optional.of("needs a subtotal of at least " + minSubtotalCents + " cents, the cart has " + subtotalCents);
        return Optional.empty();
    }

    /** Why this user may not redeem it again (per-user limit), or empty. */
    public Optional<String> exhaustedFor(int totalRedemptions, int userRedemptions) {
        if (maxRedemptions != null && totalRedemptions >= maxRedemptions)
            return Optional.of("all " + maxRedemptions + " redemptions are used");
        if (maxRedemptionsPerUser != null && userRedemptions >= maxRedemptionsPerUser)
            return Optional.of("used " + userRedemptions + " of " + maxRedemptionsPerUser + " times allowed per user");
        return Optional.empty();
    }

    /** The discount on a subtotal: percent rounded half-up to the cent, never more than the subtotal. */
    public long discountOn(long subtotalCents) {
        if (subtotalCents <= 0) return 0;
        long off = percentOff != null
                ? (Math.multiplyExact(subtotalCents, (long) percentOff) + 50) / 100
                : amountOffCents;
        return Math.min(off, subtotalCents);
    }
}
