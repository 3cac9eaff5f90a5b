package dev.stoa.query.catalog.search;

import dev.stoa.api.catalog.ProductSort;
import dev.stoa.api.catalog.SearchCatalog;

/** Builds a {@link SearchCatalog} naming only what a test sets; the rest null, 20 per page from the start. */
final class Search {
    private String q;
    private String type;
    private String categoryId;
    private Long minPrice;
    private Long maxPrice;
    private Double minRating;
    private String brand;
    private String currency;
    private ProductSort sort;
    private int limit = 20;
    private int offset;

    static Search all() { return new Search(); }

    static Search text(String q) { return new Search().q(q); }

    Search q(String value) { q = value; return this; }
    Search type(String value) { type = value; return this; }
    Search category(String value) { categoryId = value; return this; }
    Search price(Long min, Long max) { minPrice = min; maxPrice = max; return this; }
    Search minRating(double value) { minRating = value; return this; }
    Search brand(String value) { brand = value; return this; }
    Search currency(String value) { currency = value; return this; }
    Search sort(ProductSort value) { sort = value; return this; }
    Search page(int newLimit, int newOffset) { limit = newLimit; offset = newOffset; return this; }

    SearchCatalog build() {
        return new SearchCatalog(q, type, categoryId, minPrice, maxPrice, minRating, brand, currency, sort, limit, offset);
    }
}
