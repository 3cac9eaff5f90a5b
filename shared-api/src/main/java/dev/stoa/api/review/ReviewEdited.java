package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductScoped;
import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * The author changed their review: the new rating and comment (sealed with the author's key, null when none).
 * {@code productRating}: the product's rating now.
 */
@Revision("1")
public record ReviewEdited(ProductId productId, ReviewId reviewId, UserId authorId, int rating, String comment,
                           RatingSummary productRating) implements ProductScoped {}
