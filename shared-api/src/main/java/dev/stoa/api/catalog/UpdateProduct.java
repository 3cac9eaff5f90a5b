package dev.stoa.api.catalog;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a product's editable fields; only its vendor or an admin may. */
public record UpdateProduct(@TargetAggregateIdentifier ProductId productId, ProductDetails details, Actor actor) {}
