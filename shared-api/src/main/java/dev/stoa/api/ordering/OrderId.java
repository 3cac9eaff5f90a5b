package dev.stoa.api.ordering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies an order; a UUID. Also names the stock reservations, wallet debits and coupon redemptions made for it. */
public record OrderId(@JsonValue String value) {
    @JsonCreator
    public OrderId {
        value = Ids.uuid(value, "orderId");
    }

    public static OrderId random() { return new OrderId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
