package dev.stoa.api.cart.pricing;

import java.util.EnumMap;
import java.util.Map;

/**
 * Tax rates in basis points (1 bp = 0.01 %, so 1900 = 19 %; no floating point), by region and tax class. A region
 * is a country ({@code DE}) or a country and state ({@code US-CA}); a state's rates win over its country's, a
 * country's over {@code fallback}. A class missing from a region's rates is taxed at 0.
 */
public record TaxRates(Map<String, Map<TaxClass, Integer>> byRegion, Map<TaxClass, Integer> fallback) {
    public TaxRates {
        byRegion = Map.copyOf(byRegion);
        fallback = fallback == null || fallback.isEmpty() ? Map.of() : new EnumMap<>(fallback);
        byRegion.forEach((region, rates) -> rates.values().forEach(TaxRates::checkRate));
        fallback.values().forEach(TaxRates::checkRate);
    }

    private static void checkRate(Integer bp) {
        if (bp == null || bp < 0 || bp > 10_000) throw new IllegalArgumentException("tax rates are 0..10000 basis points");
    }

    public int basisPoints(Destination to, TaxClass taxClass) {
        Map<TaxClass, Integer> rates = to.state() == null ? null : byRegion.get(to.countryCode() + "-" + to.state());
        if (rates == null) rates = byRegion.get(to.countryCode());
        if (rates == null) rates = fallback;
        return rates.getOrDefault(taxClass, 0);
    }
}
