package dev.stoa.api.catalog;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace a product's editable fields; only its vendor or an admin may. {@code vendorId}: the vendor the request names,
 * null when it names none; a product stays with its vendor, so another one is refused (it was ignored).
 */
public record UpdateProduct(@TargetAggregateIdentifier ProductId productId, ProductDetails details, Actor actor,
                            dev.stoa.api.identity.UserId vendorId) {
    public UpdateProduct(ProductId productId, ProductDetails details, Actor actor) { this(productId, details, actor, null); }
}
