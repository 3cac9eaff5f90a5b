package dev.stoa.api.catalog;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a product off sale and out of lists and search (admin). Its history and orders stay. */
public record UnlistProduct(@TargetAggregateIdentifier ProductId productId, Actor actor) {}
