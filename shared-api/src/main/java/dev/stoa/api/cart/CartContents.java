package dev.stoa.api.cart;

import java.util.List;

/** A cart as the checkout takes it: its lines in the order they were added, and the coupon applied (or null). */
public record CartContents(List<Line> lines, String couponCode) {
    public record Line(CartItemType itemType, String itemId, int quantity) {}

    public static CartContents empty() { return new CartContents(List.of(), null); }
}
