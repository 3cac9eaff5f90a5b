package dev.stoa.api.catalog;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a product off sale and out of lists and search (its vendor, an admin). Its history and orders stay. Unlisting
 * again changes nothing; sent by a request, or by {@code closed-sellers} as a consequence of its vendor's closing,
 * which it completes ({@link CompletesItsWrite}).
 */
public record UnlistProduct(@TargetAggregateIdentifier ProductId productId, Actor actor) implements CompletesItsWrite {}
