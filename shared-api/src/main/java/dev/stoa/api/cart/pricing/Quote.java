package dev.stoa.api.cart.pricing;

import java.util.List;

/**
 * The priced cart: {@code total = subtotal - discount + tax + shipping}, all in cents. Per line: its share of the
 * discount and its tax.
 */
public record Quote(long subtotalCents, long discountCents, long taxCents, long shippingCents, long totalCents,
                    List<LineQuote> lines) {
    public record LineQuote(String itemId, long totalCents, long discountCents, long taxCents, int taxBasisPoints) {}
}
