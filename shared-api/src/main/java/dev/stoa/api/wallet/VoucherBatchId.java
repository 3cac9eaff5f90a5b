package dev.stoa.api.wallet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies a batch of vouchers created together; a UUID. */
public record VoucherBatchId(@JsonValue String value) {
    @JsonCreator
    public VoucherBatchId {
        value = Ids.uuid(value, "batchId");
    }

    public static VoucherBatchId random() { return new VoucherBatchId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
