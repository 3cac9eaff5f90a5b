package dev.stoa.api.cart.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.cart.CouponTerms;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The price calculation, to the cent: tax per class and destination, shipping per weight and zone, discounts, rounding. */
class PricingRulesTest {
    private static final TaxRates TAX = new TaxRates(Map.of(
            "US", Map.of(TaxClass.PHYSICAL, 0, TaxClass.DIGITAL, 0, TaxClass.COURSE, 0),
            "US-CA", Map.of(TaxClass.PHYSICAL, 725, TaxClass.DIGITAL, 0, TaxClass.COURSE, 0),
            "DE", Map.of(TaxClass.PHYSICAL, 1900, TaxClass.DIGITAL, 1900, TaxClass.COURSE, 700)),
            Map.of(TaxClass.PHYSICAL, 1000));
    private static final ShippingRates SHIPPING = new ShippingRates(List.of(
            new ShippingRates.Zone("domestic", Set.of("US"), 500, 100),
            new ShippingRates.Zone("europe", Set.of("DE", "FR"), 1500, 400)),
            new ShippingRates.Zone("world", Set.of(), 2500, 800), 10_000L);
    private static final PricingRules RULES = new PricingRules(TAX, SHIPPING, new Destination("US", null), "USD");
    private static final Destination CA = new Destination("us", "ca");
    private static final Destination NY = new Destination("US", "NY");
    private static final Destination DE = new Destination("DE", null);

    private static PricedLine physical(long price, int qty, int grams) {
        return new PricedLine("p" + price, price, qty, TaxClass.PHYSICAL, grams);
    }

    private static PricedLine digital(long price, int qty) { return new PricedLine("d" + price, price, qty, TaxClass.DIGITAL, 0); }

    @Test
    void stateRateWinsOverCountry_andPhysicalIsTaxedPerLineHalfUp() {
        // 2 x 12.50 = 25.00 at 7.25 % = 1.8125 -> 1.81; 1 x 3.33 at 7.25 % = 0.241425 -> 0.24; e-book untaxed in CA
        Quote q = RULES.price(List.of(physical(1_250, 2, 400), physical(333, 1, 100), digital(999, 1)), 0, CA);
        assertThat(q.subtotalCents()).isEqualTo(3_832);
        assertThat(q.taxCents()).isEqualTo(181 + 24);
        // 900 g -> 1 started kg in the domestic zone: 5.00 + 1.00
        assertThat(q.shippingCents()).isEqualTo(600);
        assertThat(q.totalCents()).isEqualTo(3_832 + 205 + 600);
    }

    @Test
    void countryRateWhenTheStateHasNone_andHalfUpAtExactlyHalf() {
        // NY not configured: US rates (0 %)
        assertThat(RULES.price(List.of(physical(1_000, 1, 1)), 0, NY).taxCents()).isZero();
        // DE 19 % of 0.50 = 0.095 -> 0.10 (half-up); of 0.02 = 0.0038 -> 0.00
        assertThat(RULES.price(List.of(digital(50, 1)), 0, DE).taxCents()).isEqualTo(10);
        assertThat(RULES.price(List.of(digital(2, 1)), 0, DE).taxCents()).isZero();
        // unconfigured country: fallback rates (10 % physical, nothing else)
        Quote fr = RULES.price(List.of(physical(2_000, 1, 10), digital(1_000, 1)), 0, new Destination("JP", null));
        assertThat(fr.taxCents()).isEqualTo(200);
    }

    /**
     * The largest cart the API takes (a price of 10^10 cents, 10,000 units) with a discount of its whole value: the
     * discount's share of a line passes a long on the way (10^14 x 10^14); the share itself does not. It was an
     * ArithmeticException, a 500 on the cart and the checkout.
     */
    @Test
    void aLargeDiscountOnALargeLine_isSpreadWithoutOverflow() {
        long line = 10_000_000_000L * 10_000;
        Quote q = RULES.price(List.of(digital(10_000_000_000L, 10_000), digital(1, 1)), line, NY);
        assertThat(q.discountCents()).isEqualTo(line);
        assertThat(q.lines().get(0).discountCents() + q.lines().get(1).discountCents()).isEqualTo(line);
        assertThat(q.lines().get(1).discountCents()).isLessThanOrEqualTo(1);
        assertThat(q.totalCents()).isEqualTo(1);
    }

    @Test
    void courseClassHasItsOwnRate() {
        Quote q = RULES.price(List.of(new PricedLine("c", 4_999, 1, TaxClass.COURSE, 0)), 0, DE);
        assertThat(q.taxCents()).isEqualTo(350); // 7 % of 49.99 = 3.4993
        assertThat(q.shippingCents()).isZero();
    }

    @Test
    void shippingByStartedKilogramAndZone_freeAboveThreshold_noneWhenDigitalOnly() {
        // 3 x 700 g = 2.1 kg -> 3 started kg; Europe: 15.00 + 3 x 4.00
        assertThat(RULES.price(List.of(physical(1_000, 3, 700)), 0, DE).shippingCents()).isEqualTo(2_700);
        // exactly 1000 g is one kilogram
        assertThat(RULES.price(List.of(physical(1_000, 1, 1_000)), 0, NY).shippingCents()).isEqualTo(600);
        // unlisted country: world zone
        assertThat(RULES.price(List.of(physical(1_000, 1, 1_001)), 0, new Destination("AU", null)).shippingCents())
                .isEqualTo(2_500 + 2 * 800);
        // 100.00 reached: free; one cent less: paid
        assertThat(RULES.price(List.of(physical(10_000, 1, 500)), 0, NY).shippingCents()).isZero();
        assertThat(RULES.price(List.of(physical(9_999, 1, 500)), 0, NY).shippingCents()).isEqualTo(600);
        // digital only: no shipping at all
        assertThat(RULES.price(List.of(digital(500, 4)), 0, NY).shippingCents()).isZero();
    }

    @Test
    void discountIsSpreadOverLinesBeforeTax_andTheThresholdCountsAfterDiscount() {
        // 10 % off 100.00 + 50.00 = 15.00 off; physical 100.00 carries 10.00, digital 50.00 carries 5.00
        CouponTerms tenPercent = new CouponTerms("TEN", 10, null, "USD", null, null, null, null, null);
        long discount = tenPercent.discountOn(15_000);
        Quote q = RULES.price(List.of(physical(10_000, 1, 500), digital(5_000, 1)), discount, DE);
        assertThat(q.discountCents()).isEqualTo(1_500);
        assertThat(q.lines()).extracting(Quote.LineQuote::discountCents).containsExactly(1_000L, 500L);
        // 19 % of 90.00 = 17.10 and of 45.00 = 8.55
        assertThat(q.taxCents()).isEqualTo(1_710 + 855);
        // 135.00 after discount is above 100.00: free
        assertThat(q.shippingCents()).isZero();
        assertThat(q.totalCents()).isEqualTo(15_000 - 1_500 + 2_565);
        // 100.00 - 1.00 off = 99.00: below the threshold, shipping is charged
        assertThat(RULES.price(List.of(physical(10_000, 1, 500)), 100, NY).shippingCents()).isEqualTo(600);
    }

    @Test
    void discountLeftoverCentsGoToTheFirstLines_andNeverMoreThanTheSubtotal() {
        // 10 cents over three lines of 1.00: 3 + 3 + 3, the tenth cent to the first
        Quote q = RULES.price(List.of(digital(100, 1), new PricedLine("b", 100, 1, TaxClass.DIGITAL, 0),
                new PricedLine("c", 100, 1, TaxClass.DIGITAL, 0)), 10, NY);
        assertThat(q.lines()).extracting(Quote.LineQuote::discountCents).containsExactly(4L, 3L, 3L);
        CouponTerms fixed = new CouponTerms("FIX", null, 5_000L, "USD", null, null, null, null, null);
        assertThat(fixed.discountOn(1_234)).isEqualTo(1_234);
        Quote all = RULES.price(List.of(physical(1_234, 1, 100)), fixed.discountOn(1_234), CA);
        assertThat(all.taxCents()).isZero();
        assertThat(all.totalCents()).isEqualTo(600); // only shipping left
    }

    @Test
    void percentDiscountRoundsHalfUp() {
        CouponTerms fifteen = new CouponTerms("F", 15, null, "USD", null, null, null, null, null);
        assertThat(fifteen.discountOn(1_010)).isEqualTo(152); // 151.5 -> 152
        assertThat(fifteen.discountOn(1_003)).isEqualTo(150); // 150.45 -> 150
        assertThat(fifteen.discountOn(0)).isZero();
    }
}
