package dev.stoa.api.cart;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a cart line holds. Open by design: {@code product} today; {@code course} arrives with the learning
 * context (the type exists so that carts, events and clients need no rework, but adding one is refused until then).
 */
public enum CartItemType {
    PRODUCT, COURSE;

    @JsonValue
    public String value() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static CartItemType of(String value) {
        if (value == null) throw new IllegalArgumentException("itemType is required");
        for (CartItemType t : values()) if (t.value().equals(value.trim().toLowerCase(Locale.ROOT))) return t;
        throw new IllegalArgumentException("itemType must be product or course");
    }
}
