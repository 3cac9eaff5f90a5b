package dev.stoa.query.catalog.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import dev.stoa.api.catalog.SearchResult.Bucket;
import dev.stoa.api.catalog.SearchResult.Facets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The facets of a search: aggregations over the whole filtered match, not only the page. Filters narrow their own
 * facet too (a brand filter leaves one brand bucket); enough for now, and one request.
 */
final class SearchFacets {
    private static final int TERMS_SIZE = 20;
    /** Categories asked for, so that the 20 answered count every item under them (see {@link #categories}). */
    private static final int CATEGORIES = 1_000;
    /** Spellings of brands asked for, so that the 20 brands answered count each of theirs (see {@link #brands}). */
    private static final int BRAND_SPELLINGS = 60;
    /** Price bands in cents; each key names its inclusive bounds, {@code to} is exclusive like ES's. */
    private static final List<AggregationRange> PRICE_BANDS = List.of(
            band("0-999", 0, 1_000), band("1000-4999", 1_000, 5_000), band("5000-9999", 5_000, 10_000),
            band("10000-49999", 10_000, 50_000), band("50000-", 50_000, null));
    /** "At least N stars": the bands overlap on purpose, a 4.5 counts in all four. */
    private static final List<AggregationRange> RATING_BANDS = List.of(
            band("4-", 4, null), band("3-", 3, null), band("2-", 2, null), band("1-", 1, null));

    static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of());

    private SearchFacets() {}

    static Map<String, Aggregation> aggregations() {
        return Map.of(
                "category", Aggregation.of(a -> a.terms(t -> t.field("categoryId").size(CATEGORIES))),
                "brand", Aggregation.of(a -> a.terms(t -> t.field("brand").size(BRAND_SPELLINGS))),
                "price", Aggregation.of(a -> a.range(r -> r.field("priceCents").ranges(PRICE_BANDS))),
                "rating", Aggregation.of(a -> a.range(r -> r.field("rating").ranges(RATING_BANDS))));
    }

    /**
     * Reads the aggregations back; a missing one (no index to search yet) is an empty facet. {@code ancestry}: a
     * category's id and those above it ({@link dev.stoa.query.catalog.CategorySubtrees#withAncestors}).
     */
    static Facets read(Map<String, Aggregate> aggregations, Function<String, List<String>> ancestry) {
        return new Facets(categories(terms(aggregations.get("category")), ancestry), brands(terms(aggregations.get("brand"))),
                ranges(aggregations.get("price"), PRICE_BANDS), ranges(aggregations.get("rating"), RATING_BANDS));
    }

    /**
     * A category's bucket counts what its filter finds: its own items and those of every category under it, as the
     * {@code categoryId} filter covers them. Before 2026-12-07 it counted its own only: "Electronics (1)" whose filter
     * found 27 (walkthrough Z45). Elasticsearch counts each item once, in its own category; each count is added to the
     * categories above it here. Most items first, then by id; 20 at most.
     */
    static List<Bucket> categories(List<Bucket> own, Function<String, List<String>> ancestry) {
        Map<String, Long> rolled = new java.util.HashMap<>();
        for (Bucket bucket : own)
            for (String category : ancestry.apply(bucket.key())) rolled.merge(category, bucket.count(), Long::sum);
        return rolled.entrySet().stream().map(e -> new Bucket(e.getKey(), e.getValue(), null, null))
                .sorted(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::key))
                .limit(TERMS_SIZE).toList();
    }

    private static List<Bucket> terms(Aggregate aggregate) {
        if (aggregate == null || !aggregate.isSterms()) return List.of();
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new Bucket(b.key().stringValue(), b.docCount(), null, null)).toList();
    }

    /**
     * One bucket per brand whatever its case, as the brand filter matches it: "Sonora" (3) and "sonora" (1) were two
     * buckets, and the filter {@code brand=Sonora} found the 4 (before 2026-12-07; walkthrough). The key is the
     * spelling most products have; most products first, then by key; 20 at most.
     */
    static List<Bucket> brands(List<Bucket> spellings) {
        Map<String, List<Bucket>> byBrand = new java.util.LinkedHashMap<>();
        for (Bucket spelling : spellings) {
            byBrand.computeIfAbsent(spelling.key().toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>())
                    .add(spelling);
        }
        return byBrand.values().stream()
                .map(all -> new Bucket(all.stream().max(Comparator.comparingLong(Bucket::count)
                                .thenComparing(Bucket::key, Comparator.reverseOrder())).orElseThrow().key(),
                        all.stream().mapToLong(Bucket::count).sum(), null, null))
                .sorted(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::key))
                .limit(TERMS_SIZE).toList();
    }

    /** In the order declared (ES orders buckets by {@code from}; ratings read best first). */
    private static List<Bucket> ranges(Aggregate aggregate, List<AggregationRange> declared) {
        if (aggregate == null || !aggregate.isRange()) return List.of();
        List<String> keys = declared.stream().map(AggregationRange::key).toList();
        return aggregate.range().buckets().array().stream()
                .sorted(Comparator.comparingInt(b -> keys.indexOf(b.key())))
                .map(b -> new Bucket(b.key(), b.docCount(), whole(b.from()), whole(b.to()))).toList();
    }

    /** The bands' bounds are whole numbers (cents, stars); Elasticsearch answers them as doubles. */
    private static Long whole(Double bound) {
        return bound == null ? null : Math.round(bound);
    }

    private static AggregationRange band(String key, double from, Integer to) {
        return AggregationRange.of(r -> r.key(key).from(from).to(to == null ? null : to.doubleValue()));
    }
}
