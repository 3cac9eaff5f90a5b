package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;

/**
 * One line of an order as it was sold: the item ({@code itemType} {@code product} or {@code course}, its id), the vendor
 * whose item it is, name, SKU and unit price snapshotted at checkout, quantity and line total (cents). {@code physical}
 * lines are shipped and need a shipping address; the others are delivered digitally.
 */
public record OrderLine(String itemType, String itemId, UserId vendorId, String nameSnapshot, String skuSnapshot,
                        long unitPriceCents, int quantity, long lineTotalCents, boolean physical) {
    public static final String PRODUCT = "product";
    public static final String COURSE = "course";
}
