package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add (new id) or replace (known id) one of the user's addresses (the user or admin). */
public record SaveAddress(@TargetAggregateIdentifier UserId userId, String addressId, Address address, Actor actor) {}
