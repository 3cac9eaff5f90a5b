package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductScoped;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The review no longer stands for a purchase: its author's order of the product ({@code orderId}) was cancelled or
 * refunded whole before it shipped, and they hold no other. It leaves the product's reviews and rating
 * ({@code productRating}: the rating without it); its author may review the product again once they buy it again.
 */
@Revision("1")
public record ReviewWithdrawn(ProductId productId, ReviewId reviewId, UserId authorId, OrderId orderId,
                              RatingSummary productRating) implements ProductScoped {}
