package dev.stoa.api.catalog;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** A vendor listed a product. Its stock starts at zero on hand. */
@Revision("1")
public record ProductCreated(ProductId productId, UserId vendorId, String sku, String slug, String name,
                             String description, long priceCents, Long compareAtPriceCents, String currency,
                             CategoryId categoryId, String brand, Integer weightGrams, boolean active)
                             implements ProductScoped {}
