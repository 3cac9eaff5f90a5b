package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** GDPR erasure, asked by the user themself: every personal datum becomes unreadable, for good. */
public record EraseUser(@TargetAggregateIdentifier UserId userId, Actor actor) {}
