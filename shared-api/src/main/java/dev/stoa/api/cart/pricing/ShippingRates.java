package dev.stoa.api.cart.pricing;

import java.util.List;
import java.util.Set;

/**
 * Shipping by destination zone and total weight: {@code baseCents} plus {@code perKgCents} for every started
 * kilogram of the physical items. Countries are grouped into zones; a country in no zone ships at
 * {@code fallback}'s rates. Free when the subtotal after discount reaches {@code freeAboveCents} (null: never).
 */
public record ShippingRates(List<Zone> zones, Zone fallback, Long freeAboveCents) {
    public record Zone(String name, Set<String> countries, long baseCents, long perKgCents) {
        public Zone {
            countries = countries == null ? Set.of() : Set.copyOf(countries);
            if (baseCents < 0 || perKgCents < 0) throw new IllegalArgumentException("shipping fees must not be negative");
        }
    }

    public ShippingRates {
        zones = List.copyOf(zones);
        if (fallback == null) throw new IllegalArgumentException("a fallback zone is required");
        if (freeAboveCents != null && freeAboveCents < 0) throw new IllegalArgumentException("free-above must not be negative");
    }

    public Zone zoneFor(Destination to) {
        return zones.stream().filter(z -> z.countries().contains(to.countryCode())).findFirst().orElse(fallback);
    }

    /** The fee for this much physical weight to there, for a subtotal after discount. */
    public long feeCents(Destination to, long physicalGrams, boolean anyPhysical, long discountedSubtotalCents) {
        if (!anyPhysical) return 0;
        if (freeAboveCents != null && discountedSubtotalCents >= freeAboveCents) return 0;
        Zone zone = zoneFor(to);
        long startedKg = (physicalGrams + 999) / 1000;
        return Math.addExact(zone.baseCents(), Math.multiplyExact(zone.perKgCents(), startedKg));
    }
}
