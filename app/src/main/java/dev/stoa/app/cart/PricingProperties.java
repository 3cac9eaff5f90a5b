package dev.stoa.app.cart;

import dev.stoa.api.cart.pricing.Destination;
import dev.stoa.api.cart.pricing.PricingRules;
import dev.stoa.api.cart.pricing.ShippingRates;
import dev.stoa.api.cart.pricing.TaxClass;
import dev.stoa.api.cart.pricing.TaxRates;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stoa.pricing.*}: tax rates (basis points) by region and class, shipping zones, the free-shipping threshold,
 * the origin the cart is priced for when the user has no address. Defaults in application.yml; see the README.
 */
@ConfigurationProperties("stoa.pricing")
public record PricingProperties(String originCountry, String originState, String defaultCurrency, Tax tax,
                                Shipping shipping) {
    /** {@code rates}: region ({@code DE}, {@code US-CA}) to class (physical, digital, course) to basis points. */
    public record Tax(Map<String, Map<String, Integer>> rates, Map<String, Integer> fallback) {}

    /** {@code zones}: name to countries and fees; {@code fallback}: fees of countries in no zone. */
    public record Shipping(Long freeAboveCents, Map<String, Zone> zones, Zone fallback) {}

    public record Zone(List<String> countries, long baseCents, long perKgCents) {}

    public PricingRules rules() {
        Map<String, Map<TaxClass, Integer>> byRegion = new LinkedHashMap<>();
        if (tax != null && tax.rates() != null)
            tax.rates().forEach((region, rates) -> byRegion.put(region.toUpperCase(Locale.ROOT), classes(rates)));
        TaxRates taxRates = new TaxRates(byRegion, classes(tax == null ? null : tax.fallback()));
        List<ShippingRates.Zone> zones = shipping.zones() == null ? List.of() : shipping.zones().entrySet().stream()
                .map(e -> zone(e.getKey(), e.getValue())).toList();
        ShippingRates shippingRates = new ShippingRates(zones, zone("fallback", shipping.fallback()),
                shipping.freeAboveCents());
        return new PricingRules(taxRates, shippingRates, new Destination(originCountry, originState), defaultCurrency);
    }

    private static ShippingRates.Zone zone(String name, Zone z) {
        if (z == null) throw new IllegalArgumentException("stoa.pricing.shipping." + name + " is missing");
        Set<String> countries = z.countries() == null ? Set.of()
                : Set.copyOf(z.countries().stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList());
        return new ShippingRates.Zone(name, countries, z.baseCents(), z.perKgCents());
    }

    private static Map<TaxClass, Integer> classes(Map<String, Integer> rates) {
        Map<TaxClass, Integer> out = new EnumMap<>(TaxClass.class);
        if (rates != null) rates.forEach((k, v) -> out.put(TaxClass.valueOf(k.trim().toUpperCase(Locale.ROOT)), v));
        return out;
    }
}
