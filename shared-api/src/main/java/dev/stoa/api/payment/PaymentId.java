package dev.stoa.api.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Ids;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifies a card payment; a UUID. An order has one card payment, whose id is derived from the order's
 * ({@link #ofOrder}): starting it twice (a retried checkout, two racing requests) names the same payment and, through
 * the gateway's idempotency key, the same PaymentIntent.
 */
public record PaymentId(@JsonValue String value) {
    /** The refusal of a payment id in a path that is none of the API's: a card payment's, wallet-, free-. */
    public static final String MALFORMED = "paymentId must be a card payment's id (a UUID), or wallet-<orderId> or "
            + "free-<orderId>";

    @JsonCreator
    public PaymentId {
        value = Ids.uuid(value, "paymentId");
    }

    public static PaymentId ofOrder(OrderId orderId) {
        return new PaymentId(UUID.nameUUIDFromBytes(("stoa-card-payment:" + orderId.value()).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() { return value; }
}
