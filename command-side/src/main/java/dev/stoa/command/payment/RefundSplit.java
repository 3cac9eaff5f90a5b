package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.payment.RefundLineAmount;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact amount of a refund. Each line gives back its own share of the discount and the tax charged on it, as the
 * checkout recorded them on the line (each line taxed at its class's rate: a course's 0 % beside a product's 7.25 %).
 * For orders placed before lines recorded them, the order's discount is shared out over its lines by line total, its
 * tax by line total less discount, each to the cent by largest remainder (so the shares add up to the order's
 * exactly). Within a line, the
 * units refunded so far get {@code floor(share * refunded / quantity)}, so a refund of {@code k} more units gets the
 * difference. Refunding every unit of every line therefore gives back the subtotal, discount and tax exactly. The
 * shipping comes back once: with the refund that takes back the last physical unit before anything shipped (nothing will
 * ship: a course kept beside it needs no parcel; before 2026-12-07 it waited for the course's refund too, found by a
 * walkthrough), or else with the refund that completes the order. All refunds of an order add up to its total, to the
 * cent.
 */
final class RefundSplit {
    record Result(List<RefundLineAmount> lines, long itemsCents, long discountCents, long taxCents, long shippingCents,
                  long totalCents, boolean wholeOrderRefunded) {}

    private RefundSplit() {}

    /** An order none of whose lines shipped, whose shipping no earlier refund gave back. */
    static Result of(List<OrderLine> lines, OrderAmounts amounts, int[] before, int[] now) {
        return of(lines, amounts, before, now, false, false);
    }

    /**
     * @param before           units of each line refunded by earlier approved requests
     * @param now              units of each line this refund covers
     * @param shippedAny       whether any line of the order has shipped (its shipping was spent)
     * @param shippingRefunded whether an earlier approved refund gave the shipping back
     */
    static Result of(List<OrderLine> lines, OrderAmounts amounts, int[] before, int[] now, boolean shippedAny,
                     boolean shippingRefunded) {
        int n = lines.size();
        long[] totals = lines.stream().mapToLong(OrderLine::lineTotalCents).toArray();
        boolean recorded = lines.stream().allMatch(l -> l.discountCents() != null && l.taxCents() != null);
        long[] discounts = recorded ? lines.stream().mapToLong(OrderLine::discountCents).toArray() : allocate(amounts.discountCents(), totals);
        long[] taxable = new long[n];
        for (int i = 0; i < n; i++) taxable[i] = totals[i] - discounts[i];
        long[] taxes = recorded ? lines.stream().mapToLong(OrderLine::taxCents).toArray() : allocate(amounts.taxCents(), taxable);
        List<RefundLineAmount> out = new ArrayList<>();
        long items = 0, discount = 0, tax = 0;
        boolean whole = true, physical = false, physicalLeft = false;
        for (int i = 0; i < n; i++) {
            OrderLine line = lines.get(i);
            int q = line.quantity(), b = before[i], a = before[i] + now[i];
            if (a < q) whole = false;
            if (line.physical()) {
                physical = true;
                if (a < q) physicalLeft = true;
            }
            if (now[i] == 0) continue;
            long li = part(totals[i], a, q) - part(totals[i], b, q);
            long ld = part(discounts[i], a, q) - part(discounts[i], b, q);
            long lt = part(taxes[i], a, q) - part(taxes[i], b, q);
            out.add(new RefundLineAmount(i, line.itemType(), line.itemId(), now[i], li, ld, lt));
            items += li;
            discount += ld;
            tax += lt;
        }
        boolean nothingToShip = physical && !physicalLeft && !shippedAny;
        long shipping = !shippingRefunded && (whole || nothingToShip) ? amounts.shippingCents() : 0;
        return new Result(List.copyOf(out), items, discount, tax, shipping, items - discount + tax + shipping, whole);
    }

    private static long part(long share, int units, int quantity) {
        return Math.multiplyExact(share, (long) units) / quantity;
    }

    /** {@code amount} shared in proportion to {@code weights}, to the cent: largest remainders get the leftover cents. */
    static long[] allocate(long amount, long[] weights) {
        int n = weights.length;
        long[] shares = new long[n];
        long sum = 0;
        for (long w : weights) sum += Math.max(w, 0);
        if (n == 0 || amount == 0) return shares;
        if (sum == 0) {
            shares[0] = amount;
            return shares;
        }
        long given = 0;
        long[] rest = new long[n];
        for (int i = 0; i < n; i++) {
            long w = Math.max(weights[i], 0);
            java.math.BigInteger[] qr = java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(w))
                    .divideAndRemainder(java.math.BigInteger.valueOf(sum));
            shares[i] = qr[0].longValueExact();
            rest[i] = qr[1].longValueExact();
            given += shares[i];
        }
        for (long left = amount - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < n; i++) if (rest[i] > rest[best]) best = i;
            shares[best]++;
            rest[best] = -1;
        }
        return shares;
    }
}
