package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;

/**
 * One review of a product, as its list shows it: the address {@code POST .../reviews} answers in {@code Location}; null
 * for a review that is not the product's (or not there any more).
 */
public record FindReview(ProductId productId, String reviewId) {}
