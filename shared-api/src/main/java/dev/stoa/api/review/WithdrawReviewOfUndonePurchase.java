package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code authorId} no longer holds a purchase of the product: {@code orderId}, their last one, was cancelled or
 * refunded whole before it shipped. Their live review, if any, is withdrawn ({@link ReviewWithdrawn}); nothing
 * otherwise. Sent by {@code review-purchases}, never on a replay; the cancellation's or refund's answer covers it
 * ({@link CompletesItsWrite}).
 */
public record WithdrawReviewOfUndonePurchase(ProductId productId, UserId authorId, OrderId orderId)
        implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String reviewsId() { return ReviewIds.of(productId); }
}
