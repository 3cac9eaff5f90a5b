package dev.stoa.api.cart.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * The one price calculation of carts and orders, pure (no Spring, no I/O, no floating point), so the cart view and
 * the checkout compute the same amounts from the same configuration ({@code stoa.pricing.*}).
 *
 * <p>Order of work: subtotal = sum of unit price x quantity; the discount is spread over the lines in proportion to
 * their totals (floored, the cents left over go one each to the first lines), so that each line is taxed on what
 * is paid for it; tax is computed <b>per line, rounded half-up to the cent</b>, at the destination's rate for the
 * line's class; shipping is not taxed. Shipping: see {@link ShippingRates}.
 */
public record PricingRules(TaxRates tax, ShippingRates shipping, Destination origin, String defaultCurrency) {

    public Quote price(List<PricedLine> lines, long discountCents, Destination to) {
        long subtotal = 0;
        for (PricedLine l : lines) subtotal = Math.addExact(subtotal, l.totalCents());
        long discount = Math.max(0, Math.min(discountCents, subtotal));
        long[] shares = spread(lines, discount, subtotal);

        long tax = 0;
        long grams = 0;
        boolean physical = false;
        List<Quote.LineQuote> quotes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PricedLine l = lines.get(i);
            int bp = this.tax.basisPoints(to, l.taxClass());
            long lineTax = halfUp(Math.multiplyExact(l.totalCents() - shares[i], (long) bp), 10_000);
            tax = Math.addExact(tax, lineTax);
            if (l.taxClass() == TaxClass.PHYSICAL) {
                physical = true;
                grams = Math.addExact(grams, Math.multiplyExact((long) l.weightGrams(), (long) l.quantity()));
            }
            quotes.add(new Quote.LineQuote(l.itemId(), l.totalCents(), shares[i], lineTax, bp));
        }
        long ship = shipping.feeCents(to, grams, physical, subtotal - discount);
        long total = Math.addExact(Math.addExact(subtotal - discount, tax), ship);
        return new Quote(subtotal, discount, tax, ship, total, List.copyOf(quotes));
    }

    private static long[] spread(List<PricedLine> lines, long discount, long subtotal) {
        long[] shares = new long[lines.size()];
        if (discount == 0 || subtotal == 0) return shares;
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            // the product may pass a long (a large discount on a large line): its quotient, at most the line, does not
            shares[i] = java.math.BigInteger.valueOf(discount).multiply(java.math.BigInteger.valueOf(lines.get(i).totalCents()))
                    .divide(java.math.BigInteger.valueOf(subtotal)).longValueExact();
            given += shares[i];
        }
        for (int i = 0; given < discount && i < shares.length; i++) {
            if (shares[i] < lines.get(i).totalCents()) {
                shares[i]++;
                given++;
            }
        }
        return shares;
    }

    /** a / b rounded half-up, for a >= 0 and b > 0. */
    static long halfUp(long a, long b) { return (a + b / 2) / b; }
}
