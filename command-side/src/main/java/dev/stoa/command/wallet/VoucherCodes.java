package dev.stoa.command.wallet;

import dev.stoa.api.platform.PastedCodes;
import dev.stoa.api.wallet.VoucherId;
import dev.stoa.command.platform.SecretHasher;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Voucher codes: 20 characters drawn with SecureRandom from 32 symbols without look-alikes (no 0, 1, I, O: 5 bits
 * each, 100 bits in all), typed as four groups of five ({@code 7KQ2M-XW9PD-...}). Case, spaces and dashes do not
 * matter when redeeming. A code is stored nowhere: only its keyed hash, which becomes the voucher's id, and its last
 * four characters as a hint for admins.
 */
final class VoucherCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 20;
    private static final int GROUP = 5;
    private static final int HINT = 4;
    private static final String PURPOSE = "voucher code";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VoucherCodes() {}

    /** A new code as handed out, grouped: {@code XXXXX-XXXXX-XXXXX-XXXXX}. */
    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) code.append('-');
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as typed, without separators and in upper case; empty when it cannot be a code at all. As pasted from a
     * mail or a PDF too ({@link PastedCodes}: typographic dashes and spaces, zero-width characters, full-width letters).
     */
    static Optional<String> normalize(String typed) {
        if (typed == null) return Optional.empty();
        String plain = PastedCodes.plain(typed).replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (plain.length() != LENGTH) return Optional.empty();
        for (int i = 0; i < plain.length(); i++) if (ALPHABET.indexOf(plain.charAt(i)) < 0) return Optional.empty();
        return Optional.of(plain);
    }

    static String hint(String normalized) { return normalized.substring(LENGTH - HINT); }

    static VoucherId id(SecretHasher hasher, String normalized) {
        return VoucherId.ofHash(hasher.hash(PURPOSE, normalized));
    }
}
