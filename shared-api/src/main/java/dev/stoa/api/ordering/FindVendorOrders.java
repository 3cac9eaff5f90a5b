package dev.stoa.api.ordering;

import java.time.Instant;

/**
 * The orders holding a line of {@code vendorId}, newest first, one page, each as that vendor sees it (their own lines
 * only, with what they need to ship them); optionally only one {@code status} and placed in [{@code from}, {@code to}).
 * Answers a {@link FindOrders.Result}.
 */
public record FindVendorOrders(String vendorId, OrderStatus status, Instant from, Instant to, int limit, int offset) {}
