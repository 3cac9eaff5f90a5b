package dev.stoa.api.cart;

import dev.stoa.api.platform.MayBeNull;
import java.util.List;

/**
 * The cart as API.md shows it, priced now. Lines of products no longer for sale, or of which fewer units are in stock
 * than the line asks for, show with {@code purchasable} false and count in no amount. A coupon that no longer applies stays on the cart with {@code couponApplies}
 * false, no discount, and {@code couponNote} saying why.
 */
public record CartView(List<Line> items, long subtotalCents, long discountCents, long taxCents, long shippingCents,
                       long totalCents, String currency, @MayBeNull String couponCode, @MayBeNull Boolean couponApplies,
                       @MayBeNull String couponNote, Destination destination) {
    public record Line(String itemType, String itemId, String name, int quantity, long unitPriceCents,
                       long lineTotalCents, String taxClass, @MayBeNull Integer weightGrams, boolean purchasable) {}

    /** Where the cart is priced for; {@code source}: address, default_address or origin. */
    public record Destination(String countryCode, @MayBeNull String state, String source,
                              @MayBeNull String addressId) {}
}
