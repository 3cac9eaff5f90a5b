package dev.stoa.api.catalog;

import org.axonframework.serialization.Revision;

/** A product's editable fields were replaced; carries all of them, as they are now. */
@Revision("1")
public record ProductUpdated(ProductId productId, String sku, String slug, String name, String description,
                             long priceCents, Long compareAtPriceCents, String currency, CategoryId categoryId,
                             String brand, Integer weightGrams, boolean active) implements ProductScoped {}
