package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace one of the account's own addresses (the user or admin); an id it does not have is not found. */
public record ReplaceAddress(@TargetAggregateIdentifier UserId userId, String addressId, Address address, Actor actor) {}
