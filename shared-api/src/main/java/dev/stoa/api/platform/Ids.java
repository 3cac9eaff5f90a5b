package dev.stoa.api.platform;

import java.util.UUID;

/** Checks shared by the typed id records. */
public final class Ids {
    private Ids() {}

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
