package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of an order's refund requests aggregate, derived from the order's: every refund request of one order lives in
 * one consistency boundary, so "one open request per order" and "never more than is left on a line" hold under races.
 */
public final class OrderRefundsId {
    private OrderRefundsId() {}

    public static String of(OrderId orderId) {
        return UUID.nameUUIDFromBytes(("stoa-order-refunds:" + orderId.value()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
