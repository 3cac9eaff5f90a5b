package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lift a suspension (admin). */
public record ReinstateUser(@TargetAggregateIdentifier UserId userId, Actor actor) {}
