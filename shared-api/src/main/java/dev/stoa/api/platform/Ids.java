package dev.stoa.api.platform;

import java.util.UUID;

/** Checks shared by the typed id records. */
public final class Ids {
    private Ids() {}

    /**
     * A UUID in its canonical shape (8-4-4-4-12 hex digits), for {@code @Pattern} on request fields that become ids:
     * what it accepts, {@link #uuid} accepts (36 hex digits without dashes would pass a looser pattern and then fail
     * here, outside any validation: a 500).
     */
    public static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /**
     * A UUID (name-based, version 3) named by its parts, joined by NUL: the same parts give the same id. For the ids a
     * request's Idempotency-Key names (a refund, a notification), so that a retry past the idempotency record names
     * the same thing.
     */
    public static String named(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static final java.util.regex.Pattern CANONICAL = java.util.regex.Pattern.compile(UUID_PATTERN);

    /**
     * @return the canonical lower-case form of a UUID string, or throws IllegalArgumentException. Only the canonical
     *         shape of 36 characters: {@link UUID#fromString} takes {@code 1-2-3-4-5} and groups short of their digits
     *         too, and read them as another id (a 35-character id was answered 404 naming an id nobody sent, or 200
     *         with the record of the id it was one digit short of, until 2026-12-07; found by a walkthrough)
     */
    public static String uuid(String value, String name) {
        if (value == null) throw new IllegalArgumentException(name + " is required");
        if (!isUuid(value)) throw new IllegalArgumentException(name + " must be a UUID");
        return UUID.fromString(value).toString();
    }

    /** Whether the value is a UUID in its canonical shape (8-4-4-4-12 hex digits, either case). */
    public static boolean isUuid(String value) {
        return value != null && CANONICAL.matcher(value).matches();
    }
}
