package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;

/**
 * The identifier of a product's {@code ProductReviews} aggregate. It must differ from the product's own: both streams
 * live in one event store whose key is (aggregate identifier, sequence number).
 */
public final class ReviewIds {
    public static final String PREFIX = "reviews-";

    private ReviewIds() {}

    public static String of(ProductId productId) { return PREFIX + productId.value(); }
}
