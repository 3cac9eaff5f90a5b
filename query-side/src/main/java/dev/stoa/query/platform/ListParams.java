package dev.stoa.query.platform;

import dev.stoa.api.catalog.ProductSort;
import dev.stoa.api.platform.DomainException;

/** Parses the shared list parameters, refusing bad ones with a 400 validation problem. */
public final class ListParams {
    private ListParams() {}

    /** @return the sort, or null when none was asked for */
    public static ProductSort sort(String value) {
        if (value == null || value.isBlank()) return null;
        return ProductSort.fromParam(value).orElseThrow(() ->
                DomainException.badInput("sort must be one of price, -price, rating, newest"));
    }

    public static void priceRange(Long min, Long max) {
        if (min != null && max != null && min > max) throw DomainException.badInput("minPrice must not exceed maxPrice");
    }
}
