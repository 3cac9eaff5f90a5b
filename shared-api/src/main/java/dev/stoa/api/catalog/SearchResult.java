package dev.stoa.api.catalog;

import dev.stoa.api.platform.MayBeNull;
import java.util.List;

/** Search hits with the total and the facets of the whole match (not only this page). */
public record SearchResult(List<Hit> items, long total, int limit, int offset, Facets facets) {
    /** One hit: enough to render a result card. */
    public record Hit(String type, String id, String name, @MayBeNull String slug, @MayBeNull String description,
                      long priceCents, String currency, @MayBeNull String categoryId, @MayBeNull String brand,
                      @MayBeNull Double rating, boolean inStock, double score) {}

    /** Counts per category, brand, price range and minimum rating. */
    public record Facets(List<Bucket> category, List<Bucket> brand, List<Bucket> price, List<Bucket> rating) {}

    /**
     * A facet value and how many hits have it; ranges also say their bounds (from inclusive, to exclusive), whole
     * numbers: cents for the price, stars for the rating (no floating point in amounts: API.md).
     */
    public record Bucket(String key, long count, @MayBeNull Long from, @MayBeNull Long to) {}
}
