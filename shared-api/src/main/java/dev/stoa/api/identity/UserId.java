package dev.stoa.api.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies a user account; a UUID. */
public record UserId(@JsonValue String value) {
    @JsonCreator
    public UserId {
        value = Ids.uuid(value, "userId");
    }

    public static UserId random() { return new UserId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
