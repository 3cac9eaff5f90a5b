package dev.stoa.api.ordering;

/**
 * What an order costs, in cents of {@code currency}: {@code total = subtotal - discount + tax + shipping}, and the
 * subtotal is the sum of the line totals.
 */
public record OrderAmounts(long subtotalCents, long discountCents, long taxCents, long shippingCents, long totalCents,
                           String currency) {}
