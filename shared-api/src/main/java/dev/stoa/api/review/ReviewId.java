package dev.stoa.api.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies one review; a UUID. */
public record ReviewId(@JsonValue String value) {
    @JsonCreator
    public ReviewId {
        value = Ids.uuid(value, "reviewId");
    }

    public static ReviewId random() { return new ReviewId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
