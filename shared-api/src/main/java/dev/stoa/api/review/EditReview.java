package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author replaces rating and comment of their own review. */
public record EditReview(ProductId productId, ReviewId reviewId, int rating, String comment, Actor actor) {
    @TargetAggregateIdentifier
    public String reviewsId() { return ReviewIds.of(productId); }
}
