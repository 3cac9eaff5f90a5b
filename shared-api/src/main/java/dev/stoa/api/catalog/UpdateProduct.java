package dev.stoa.api.catalog;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace a product's editable fields; only its vendor or an admin may. {@code vendorId}: the vendor the request names,
 * null when it names none; a product stays with its vendor, so another one is refused (it was ignored).
 * {@code listingGiven}: the request said whether the product is on sale; when it did not, the product stays as it is,
 * listed or not (a PUT without {@code active} listed it again before 2026-12-07: a vendor's price edit put back on sale
 * what they had taken off, and was refused on what an admin had; walkthrough Z37).
 */
public record UpdateProduct(@TargetAggregateIdentifier ProductId productId, ProductDetails details, Actor actor,
                            dev.stoa.api.identity.UserId vendorId, boolean listingGiven) {
    public UpdateProduct(ProductId productId, ProductDetails details, Actor actor) { this(productId, details, actor, null); }

    public UpdateProduct(ProductId productId, ProductDetails details, Actor actor, dev.stoa.api.identity.UserId vendorId) {
        this(productId, details, actor, vendorId, true);
    }
}
