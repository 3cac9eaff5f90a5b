package dev.stoa.api.catalog;

import java.time.Instant;

/** The product as API.md shows it. */
public record ProductView(String id, String sku, String name, String slug, String description, long priceCents,
                          Long compareAtPriceCents, String currency, String categoryId, String brand,
                          Integer weightGrams, String vendorId, boolean active, Rating rating, Stock stock,
                          Instant createdAt, Instant updatedAt) {
    /** Average of the reviews (null while there are none) and their count. */
    public record Rating(Double average, long count) {}

    /** What can be bought now. */
    public record Stock(int available) {}
}
