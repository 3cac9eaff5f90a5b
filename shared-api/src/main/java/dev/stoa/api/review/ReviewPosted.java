package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductScoped;
import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * A verified buyer reviewed a product. {@code comment} (null when none) is sealed with the author's key: erasing the
 * author makes it read {@code [erased]}. {@code productRating}: the product's rating with this review.
 */
@Revision("1")
public record ReviewPosted(ProductId productId, ReviewId reviewId, UserId authorId, int rating, String comment,
                           RatingSummary productRating) implements ProductScoped {}
