package dev.stoa.api.catalog;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/** The product as API.md shows it. */
public record ProductView(String id, String sku, String name, String slug, @MayBeNull String description,
                          long priceCents, @MayBeNull Long compareAtPriceCents, String currency,
                          @MayBeNull String categoryId, @MayBeNull String brand, @MayBeNull Integer weightGrams,
                          String vendorId, boolean active, Rating rating, Stock stock, Instant createdAt,
                          Instant updatedAt) {
    /** Average of the reviews (null while there are none) and their count. */
    public record Rating(@MayBeNull Double average, long count) {}

    /** What can be bought now. */
    public record Stock(int available) {}
}
