package dev.stoa.api.ordering;

import java.time.Instant;
import java.util.List;

/**
 * Orders newest first, one page: of one buyer ({@code buyerId}), or all (null); optionally only one {@code status}
 * and placed in [{@code from}, {@code to}).
 */
public record FindOrders(String buyerId, OrderStatus status, Instant from, Instant to, int limit, int offset) {
    /** One page, in the API.md list shape. */
    public record Result(List<OrderView> items, long total, int limit, int offset) {}
}
