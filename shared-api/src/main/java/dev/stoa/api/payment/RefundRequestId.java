package dev.stoa.api.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies a customer's refund request (a UUID); the path id of {@code /api/v1/refunds/{refundId}}. */
public record RefundRequestId(@JsonValue String value) {
    @JsonCreator
    public RefundRequestId {
        value = Ids.uuid(value, "refundId");
    }

    public static RefundRequestId random() { return new RefundRequestId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
