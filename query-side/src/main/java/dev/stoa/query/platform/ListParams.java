package dev.stoa.query.platform;

import dev.stoa.api.catalog.ProductSort;
import dev.stoa.api.platform.DomainException;

/** Parses the shared list parameters, refusing bad ones with a 400 validation problem. */
public final class ListParams {
    private ListParams() {}

    /** The {@code currency} parameter's description, the same on every list and search that takes it. */
    public static final String CURRENCY_FILTER = "Only items priced in this currency (ISO 4217, any case). Prices are "
            + "compared in cents, whatever their currency: with items in several, give it for minPrice, maxPrice, a "
            + "price sort and the price facet to mean one currency's amounts";

    /** The {@code minRating} parameter's description, the same on every list and search that takes it. */
    public static final String MIN_RATING_FILTER = "Only items whose reviews average at least this (0 to 5). Items nobody "
            + "has rated yet have no average and are left out by any minimum above 0; 0 keeps every item";

    /**
     * The {@code minRating} filter: null (none) for 0, which every item meets, those without a rating too (before
     * 2026-12-07, {@code minRating=0} left out every product and course nobody had rated).
     */
    public static Double minRating(Double value) {
        return value == null || value <= 0 ? null : value;
    }

    /** @return the sort, or null when none was asked for */
    public static ProductSort sort(String value) {
        if (value == null || value.isBlank()) return null;
        return ProductSort.fromParam(value).orElseThrow(() ->
                DomainException.badInput("sort must be one of price, -price, rating, newest"));
    }

    /**
     * The {@code currency} filter: an ISO 4217 code in any case, answered in capitals as prices carry it; null when none
     * was given; else 400 naming it.
     */
    public static String currency(String value) {
        if (value == null) return null;
        String code = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!dev.stoa.api.platform.Money.isCurrency(code)) {
            String message = "must be " + dev.stoa.api.platform.Money.CURRENCY_RULE;
            throw DomainException.invalidParameter("currency", message);
        }
        return code;
    }

    public static void priceRange(Long min, Long max) {
        if (min != null && max != null && min > max) throw DomainException.badInput("minPrice must not exceed maxPrice");
    }
}
