package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductScoped;
import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * Moderation: an admin ({@code removedBy}) removed a review. Its author may not review the product again.
 * {@code productRating}: the rating without it.
 */
@Revision("1")
public record ReviewRemoved(ProductId productId, ReviewId reviewId, UserId authorId, String removedBy,
                            RatingSummary productRating) implements ProductScoped {}
