package dev.stoa.api.cart;

import java.util.List;

/**
 * The cart as API.md shows it, priced now. Lines of products no longer for sale show with {@code purchasable}
 * false and count in no amount. A coupon that no longer applies stays on the cart with {@code couponApplies}
 * false, no discount, and {@code couponNote} saying why.
 */
public record CartView(List<Line> items, long subtotalCents, long discountCents, long taxCents, long shippingCents,
                       long totalCents, String currency, String couponCode, Boolean couponApplies, String couponNote,
                       Destination destination) {
    public record Line(String itemType, String itemId, String name, int quantity, long unitPriceCents,
                       long lineTotalCents, String taxClass, Integer weightGrams, boolean purchasable) {}

    /** Where the cart is priced for; {@code source}: address, default_address or origin. */
    public record Destination(String countryCode, String state, String source, String addressId) {}
}
