package dev.stoa.api.platform;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Codes a person types or pastes (voucher and coupon codes) as mail clients, PDFs and word processors hand them over:
 * compatibility forms folded (NFKC: a full-width {@code Ａ} is an {@code A}, a no-break space a space), every dash (en,
 * em, non-breaking hyphen, minus sign) a {@code -}, every space a space, and the invisible characters pasted with them
 * (zero-width space and joiners, word joiner, byte-order mark, soft hyphen) dropped. Since 2026-12-07 evening: a voucher code pasted
 * with en dashes was "no voucher has this code" and cost a guess (walkthrough Z30).
 */
public final class PastedCodes {
    /** Zero-width space and joiners, word joiner, byte-order mark, and the soft hyphen a hyphenating mail or PDF adds. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Pattern DASHES = Pattern.compile("[\\p{Pd}\\u2212]");
    private static final Pattern SPACES = Pattern.compile("\\p{Z}");

    private PastedCodes() {}

    /** The code with ASCII separators only: {@code -} for any dash, {@code ' '} for any space; case kept. */
    public static String plain(String typed) {
        String folded = INVISIBLE.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll("");
        return SPACES.matcher(DASHES.matcher(folded).replaceAll("-")).replaceAll(" ");
    }
}
