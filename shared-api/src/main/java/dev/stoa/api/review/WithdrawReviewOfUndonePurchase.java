package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code authorId} no longer holds a purchase of the product: {@code orderId}, their last one, was cancelled or
 * refunded whole before it shipped. Their live review, if any, is withdrawn ({@link ReviewWithdrawn}); nothing
 * otherwise. Sent by {@code review-purchases}, never on a replay.
 */
public record WithdrawReviewOfUndonePurchase(ProductId productId, UserId authorId, OrderId orderId) {
    @TargetAggregateIdentifier
    public String reviewsId() { return ReviewIds.of(productId); }
}
