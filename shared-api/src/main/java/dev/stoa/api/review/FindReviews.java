package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import java.util.List;

/** One page of a product's reviews, newest first; null for a product that does not exist. */
public record FindReviews(ProductId productId, int limit, int offset) {
    /** {@code total}: how many reviews the product has. */
    public record Result(List<ReviewView> items, long total, int limit, int offset) {}
}
