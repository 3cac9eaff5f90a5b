package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add an address under a new id the server chose (the user or admin); an id the account already has is refused. */
public record AddAddress(@TargetAggregateIdentifier UserId userId, String addressId, Address address, Actor actor) {}
