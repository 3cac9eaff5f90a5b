package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author deletes their review ({@link ReviewDeleted}), or an admin removes anyone's ({@link ReviewRemoved}). */
public record DeleteReview(ProductId productId, ReviewId reviewId, Actor actor) {
    @TargetAggregateIdentifier
    public String reviewsId() { return ReviewIds.of(productId); }
}
