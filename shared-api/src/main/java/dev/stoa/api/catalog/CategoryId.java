package dev.stoa.api.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies a category; a UUID. */
public record CategoryId(@JsonValue String value) {
    @JsonCreator
    public CategoryId {
        value = Ids.uuid(value, "categoryId");
    }

    public static CategoryId random() { return new CategoryId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
