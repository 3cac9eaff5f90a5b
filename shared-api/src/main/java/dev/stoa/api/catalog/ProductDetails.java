package dev.stoa.api.catalog;

/**
 * The vendor-editable fields of a product (the seed fields of API.md). Prices are in cents of
 * {@code currency}; {@code compareAtPriceCents} (the "was" price) and {@code weightGrams} may be null.
 */
public record ProductDetails(String sku, String slug, String name, String description, long priceCents,
                             Long compareAtPriceCents, String currency, CategoryId categoryId, String brand,
                             Integer weightGrams, boolean active) {
    /** The same fields, on sale or not as {@code active} says. */
    public ProductDetails withActive(boolean active) {
        return new ProductDetails(sku, slug, name, description, priceCents, compareAtPriceCents, currency, categoryId, brand,
                weightGrams, active);
    }
}
