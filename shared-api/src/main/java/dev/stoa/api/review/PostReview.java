package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The actor reviews a product: {@code rating} 1 to 5 stars, {@code comment} optional (at most
 * {@link #MAX_COMMENT} characters). Only a verified buyer (a confirmed, shipped or delivered order with the product),
 * once per product.
 */
public record PostReview(ProductId productId, ReviewId reviewId, int rating, String comment, Actor actor) {
    public static final int MAX_COMMENT = 2000;

    @TargetAggregateIdentifier
    public String reviewsId() { return ReviewIds.of(productId); }
}
