package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.PastedCodes;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Aggregate identifiers of the cart context. A cart is one per user, but its identifier differs from the user's
 * (the event store's key is the identifier alone); a coupon is identified by its normalised code.
 */
public final class CartIds {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}");

    private CartIds() {}

    public static String cart(UserId userId) { return "cart-" + userId.value(); }

    public static String coupon(String code) { return "coupon-" + normaliseCode(code); }

    /**
     * Coupon codes compare without case or surrounding space: " summer10" and "SUMMER10" are one code; as pasted from a
     * mail or a PDF too ({@link PastedCodes}: a typographic dash is {@code -}; since 2026-12-07 evening).
     */
    public static String normaliseCode(String code) {
        if (code == null) throw new IllegalArgumentException("code is required");
        return PastedCodes.plain(code).strip().toUpperCase(Locale.ROOT);
    }

    /** 3 to 32 letters, digits, '-' or '_', starting with a letter or digit (after normalising). */
    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(normaliseCode(code)).matches();
    }
}
