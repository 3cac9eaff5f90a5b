package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close an account for good (admin, or the user themself). */
public record DeactivateUser(@TargetAggregateIdentifier UserId userId, Actor actor) {}
