package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductScoped;
import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** The author deleted their review; they may review the product again. {@code productRating}: the rating without it. */
@Revision("1")
public record ReviewDeleted(ProductId productId, ReviewId reviewId, UserId authorId, RatingSummary productRating)
                            implements ProductScoped {}
