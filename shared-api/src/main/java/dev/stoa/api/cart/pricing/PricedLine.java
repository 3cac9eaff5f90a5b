package dev.stoa.api.cart.pricing;

/** One line to price: current unit price in cents, quantity, tax class, and weight per unit (0 if none). */
public record PricedLine(String itemId, long unitPriceCents, int quantity, TaxClass taxClass, int weightGrams) {
    public PricedLine {
        if (unitPriceCents < 0) throw new IllegalArgumentException("unitPriceCents must not be negative");
        if (quantity < 1) throw new IllegalArgumentException("quantity must be at least 1");
        if (weightGrams < 0) throw new IllegalArgumentException("weightGrams must not be negative");
    }

    public long totalCents() { return Math.multiplyExact(unitPriceCents, (long) quantity); }
}
