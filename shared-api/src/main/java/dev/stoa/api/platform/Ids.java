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

    /** @return the canonical lower-case form of a UUID string, or throws IllegalArgumentException */
    public static String uuid(String value, String name) {
        if (value == null) throw new IllegalArgumentException(name + " is required");
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a UUID");
        }
    }
}
