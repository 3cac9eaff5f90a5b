package dev.stoa.api.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies a product; a UUID. */
public record ProductId(@JsonValue String value) {
    @JsonCreator
    public ProductId {
        value = Ids.uuid(value, "productId");
    }

    public static ProductId random() { return new ProductId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
