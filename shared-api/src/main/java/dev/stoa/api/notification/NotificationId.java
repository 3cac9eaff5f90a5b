package dev.stoa.api.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifies one notification. Chosen by whoever asks for it, deterministically from what caused it (for
 * example {@code NotificationId.derivedFrom("email-verification", eventId)}), so asking twice, on a replay or a
 * redelivery, names the same notification and sends nothing more. Letters, digits and {@code . _ : -}, at most
 * 200 characters.
 */
public record NotificationId(@JsonValue String value) {
    private static final String PATTERN = "[A-Za-z0-9._:-]{1,200}";

    @JsonCreator
    public NotificationId {
        if (value == null || !value.matches(PATTERN))
            throw new IllegalArgumentException("notificationId must be 1-200 letters, digits or . _ : -");
    }

    /** A UUID (name-based, version 3) derived from the parts: the same parts give the same id. */
    public static NotificationId derivedFrom(String... parts) {
        return new NotificationId(dev.stoa.api.platform.Ids.named(parts));
    }

    public static NotificationId random() { return new NotificationId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
