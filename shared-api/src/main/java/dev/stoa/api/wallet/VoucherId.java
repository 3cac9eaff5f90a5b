package dev.stoa.api.wallet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * Identifies a voucher: {@code voucher-} and the hex keyed hash (HMAC-SHA256) of its code. Derived from the code, so a
 * redemption finds its voucher without the code ever being stored; the code cannot be recovered from it.
 */
public record VoucherId(@JsonValue String value) {
    private static final Pattern FORM = Pattern.compile("voucher-[0-9a-f]{64}");

    @JsonCreator
    public VoucherId {
        if (value == null || !FORM.matcher(value).matches())
            throw new IllegalArgumentException("voucherId must be voucher- and 64 hex digits");
    }

    public static VoucherId ofHash(String hexHash) { return new VoucherId("voucher-" + hexHash); }

    @Override
    public String toString() { return value; }
}
