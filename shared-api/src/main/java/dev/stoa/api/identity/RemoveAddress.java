package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete one of the user's addresses (the user or admin). */
public record RemoveAddress(@TargetAggregateIdentifier UserId userId, String addressId, Actor actor) {}
