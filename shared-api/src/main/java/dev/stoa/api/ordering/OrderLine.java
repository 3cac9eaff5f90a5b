package dev.stoa.api.ordering;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stoa.api.identity.UserId;

/**
 * One line of an order as it was sold: the item ({@code itemType} {@code product} or {@code course}, its id), the vendor
 * whose item it is, name, SKU and unit price snapshotted at checkout, quantity and line total (cents). {@code physical}
 * lines are shipped and need a shipping address; the others are delivered digitally. {@code discountCents} and
 * {@code taxCents}: the line's share of the order's discount and the tax charged on it at checkout (each line is taxed
 * at its own class's rate), which its refunds give back; null in orders placed before 2026-12-05.
 */
public record OrderLine(String itemType, String itemId, UserId vendorId, String nameSnapshot, String skuSnapshot,
                        long unitPriceCents, int quantity, long lineTotalCents, boolean physical,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long discountCents,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long taxCents) {
    public static final String PRODUCT = "product";
    public static final String COURSE = "course";

    /** A line whose discount and tax are not known apart (the order's are shared out when it is refunded). */
    public OrderLine(String itemType, String itemId, UserId vendorId, String nameSnapshot, String skuSnapshot,
                     long unitPriceCents, int quantity, long lineTotalCents, boolean physical) {
        this(itemType, itemId, vendorId, nameSnapshot, skuSnapshot, unitPriceCents, quantity, lineTotalCents, physical,
                null, null);
    }

    /** This line with what checkout charged on it. */
    public OrderLine charged(long discount, long tax) {
        return new OrderLine(itemType, itemId, vendorId, nameSnapshot, skuSnapshot, unitPriceCents, quantity, lineTotalCents,
                physical, discount, tax);
    }
}
