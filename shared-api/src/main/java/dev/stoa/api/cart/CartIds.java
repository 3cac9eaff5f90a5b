package dev.stoa.api.cart;

import dev.stoa.api.identity.UserId;
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

    private static final Pattern DASHES = Pattern.compile("[\\p{Pd}\u2212]");
    private static final Pattern INVISIBLE = Pattern.compile("[\u200B-\u200D\u2060\uFEFF]");

    /**
     * Coupon codes compare without case or surrounding space: " summer10" and "SUMMER10" are one code. As pasted from a
     * mail or a PDF too (since 2026-12-07 evening): compatibility forms (NFKC: a no-break space is a space, a
     * full-width letter a letter), any dash as {@code -}, zero-width characters dropped.
     */
    public static String normaliseCode(String code) {
        if (code == null) throw new IllegalArgumentException("code is required");
        String plain = INVISIBLE.matcher(java.text.Normalizer.normalize(code, java.text.Normalizer.Form.NFKC)).replaceAll("");
        return DASHES.matcher(plain).replaceAll("-").strip().toUpperCase(Locale.ROOT);
    }

    /** 3 to 32 letters, digits, '-' or '_', starting with a letter or digit (after normalising). */
    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(normaliseCode(code)).matches();
    }
}
