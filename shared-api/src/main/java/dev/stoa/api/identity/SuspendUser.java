package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspend an account (admin): no logins, no refreshes, until reinstated. */
public record SuspendUser(@TargetAggregateIdentifier UserId userId, String reason, Actor actor) {}
