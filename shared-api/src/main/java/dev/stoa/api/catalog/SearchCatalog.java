package dev.stoa.api.catalog;

/**
 * Full-text, typo-tolerant search over what is for sale. {@code type}: "product", "course" or null
 * for both. Null filters are ignored; prices in cents; {@code currency} keeps the prices of one currency (an ISO 4217
 * code in capitals); {@code sort} null = relevance.
 */
public record SearchCatalog(String q, String type, String categoryId, Long minPrice, Long maxPrice,
                            Double minRating, String brand, String currency, ProductSort sort, int limit, int offset) {}
