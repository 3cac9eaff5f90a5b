package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turn multi-factor authentication off (after {@link Reauthenticate} with password and code). */
public record DisableMfa(@TargetAggregateIdentifier UserId userId) {}
