package dev.stoa.app.audit;

import java.time.Instant;

/**
 * What {@code GET /api/v1/audit/events} narrows the log to; every part optional. {@code to} is exclusive.
 * {@code clientCorrelationId}: the X-Correlation-Id the client sent with the request that started the chain.
 */
public record AuditFilter(String aggregateType, String aggregateId, String type, Instant from, Instant to,
                          String correlationId, String userId, String clientCorrelationId) {

    /** The stored aggregate type for {@code order-refunds} or {@code OrderRefunds}: {@code OrderRefunds}. */
    static String storedType(String type) {
        if (type == null || type.isBlank()) return null;
        StringBuilder stored = new StringBuilder();
        for (String part : type.trim().split("-")) {
            if (!part.isEmpty()) stored.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return stored.toString();
    }

    /** A word prefix and a UUID: {@code wallet-<userId>}, {@code inventory-<productId>}, {@code cart-<userId>}. */
    private static final java.util.regex.Pattern PREFIXED_UUID = java.util.regex.Pattern.compile(
            "(?i)[a-z]+(-[a-z]+)*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * An id as the log stores it: a UUID in lower case (an upper-case one, which every other read takes, found nothing
     * here before 2026-12-07; walkthrough), a word-prefixed UUID too ({@code WALLET-<ID>} and {@code inventory-<ID>} found
     * nothing before the same day's later session; walkthrough Z11); any other id (a voucher's keyed hash) as it is.
     */
    static String storedId(String id) {
        if (id == null) return null;
        if (dev.stoa.api.platform.Ids.isUuid(id) || PREFIXED_UUID.matcher(id).matches()) return id.toLowerCase(java.util.Locale.ROOT);
        // a coupon's, by its code, which every other operation takes in any case (walkthrough Z13)
        if (id.regionMatches(true, 0, COUPON, 0, COUPON.length())) return COUPON + id.substring(COUPON.length()).toUpperCase(java.util.Locale.ROOT);
        return id;
    }

    /** A coupon aggregate's id: this and its code in capitals. */
    private static final String COUPON = "coupon-";

    /** {@code OrderRefunds} as the API names it: {@code order-refunds}. */
    static String apiType(String stored) {
        if (stored == null) return null;
        return stored.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
