package dev.stoa.projection.catalog.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductUpdated;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One product as the search index stores it ({@code _source} of the {@code products} index). The query side reads
 * it back as the same record. {@code createdAt} is an ISO-8601 string because the client's default Jackson mapper
 * knows no {@code java.time}. Null fields are left out whatever the mapper's settings (ES reads them as missing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = {"searchText", "nameFolded", "brandFolded"}, allowGetters = true, ignoreUnknown = true)
public record ProductDocument(String type, String id, String sku, String slug, String name, String description,
                              String brand, String categoryId, String vendorId, long priceCents, String currency,
                              Double rating, long ratingCount, boolean inStock, boolean active,
                              String createdAt, Suggest suggest) {
    public static final String TYPE = "product";

    /**
     * The folded forms of the accented words of the name, brand and description ({@link Folding}), stored into
     * {@code searchText} beside the words that field gathers from them, so a search typed without accents finds
     * them (before 2026-12-07 "creme brulee" found no "Crème Brûlée", and only a typo's allowance found "Jalapeño"
     * for "jalapeno"; walkthrough). Written, never read back.
     */
    @JsonProperty("searchText")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String searchText() { return Folding.foldedWords(name, brand, description); }

    /**
     * The name and brand folded ({@link Folding}), which the search scores its words against: a name matched without
     * its accents ranks as a name (before 2026-12-07 "oeuvre" found "Œuvre Complète" through {@code searchText} only,
     * below a product with the word in its description; walkthrough). Written, never read back.
     */
    @JsonProperty("nameFolded")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String nameFolded() { return Folding.folded(name); }

    @JsonProperty("brandFolded")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String brandFolded() { return Folding.folded(brand); }

    /** The completion field's value: what autocomplete may complete to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggest(List<String> input) {}

    static ProductDocument created(ProductCreated e, Instant at) {
        return new ProductDocument(TYPE, e.productId().value(), e.sku(), e.slug(), e.name(), e.description(),
                e.brand(), idOrNull(e.categoryId()), idOrNull(e.vendorId()), e.priceCents(), e.currency(),
                null, 0, false, e.active(), at.toString(), suggestFor(e.active(), e.name(), e.brand()));
    }

    /** The vendor-editable fields are replaced; stock, rating, vendor and creation time stay. */
    ProductDocument updated(ProductUpdated e) {
        return new ProductDocument(type, id, e.sku(), e.slug(), e.name(), e.description(), e.brand(),
                idOrNull(e.categoryId()), vendorId, e.priceCents(), e.currency(), rating, ratingCount,
                inStock, e.active(), createdAt, suggestFor(e.active(), e.name(), e.brand()));
    }

    ProductDocument unlisted() {
        return new ProductDocument(type, id, sku, slug, name, description, brand, categoryId, vendorId, priceCents,
                currency, rating, ratingCount, inStock, false, createdAt, null);
    }

    ProductDocument withInStock(boolean nowInStock) {
        return new ProductDocument(type, id, sku, slug, name, description, brand, categoryId, vendorId, priceCents,
                currency, rating, ratingCount, nowInStock, active, createdAt, suggest);
    }

    /** The rating as the product's latest review event left it (null: no reviews). */
    ProductDocument withRating(Double average, long count) {
        return new ProductDocument(type, id, sku, slug, name, description, brand, categoryId, vendorId, priceCents,
                currency, average, count, inStock, active, createdAt, suggest);
    }

    /**
     * Inactive products get no suggest inputs, so autocomplete never offers what cannot be bought. The name goes in
     * from each of its words ({@link CompletionInput#fromEachWord}), plus the brand.
     */
    private static Suggest suggestFor(boolean active, String name, String brand) {
        if (!active) return null;
        List<String> inputs = Stream.concat(CompletionInput.fromEachWord(CompletionInput.storable(name)),
                        Stream.ofNullable(CompletionInput.storable(brand)))
                .map(String::strip).filter(s -> !s.isEmpty()).flatMap(CompletionInput::withFolded).distinct().toList();
        return inputs.isEmpty() ? null : new Suggest(inputs);
    }

    private static String idOrNull(Object id) { return id == null ? null : id.toString(); }
}
