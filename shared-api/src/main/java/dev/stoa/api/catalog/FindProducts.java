package dev.stoa.api.catalog;

import java.util.List;

/**
 * Listed (active) products matching every given filter; null filters are ignored. Prices in cents.
 * {@code sort}: price, -price, rating, newest (default).
 */
public record FindProducts(String categoryId, Long minPrice, Long maxPrice, Double minRating, String brand,
                           String vendorId, String q, String currency, ProductSort sort, int limit, int offset) {
    /** One page, in the API.md list shape. */
    public record Result(List<ProductView> items, long total, int limit, int offset) {}
}
