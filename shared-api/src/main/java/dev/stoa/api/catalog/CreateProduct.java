package dev.stoa.api.catalog;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** List a new product for {@code vendorId}; SKU and slug must be unused. Stock starts at zero. */
public record CreateProduct(@TargetAggregateIdentifier ProductId productId, UserId vendorId,
                            ProductDetails details, Actor actor) {}
