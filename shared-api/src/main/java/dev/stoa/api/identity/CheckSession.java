package dev.stoa.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * May a session that began at {@code sessionStartedAt} go on (before a refresh)? Refused when the account
 * is no longer active or its sessions were ended after that. Answers a {@link LoginOutcome} with the roles.
 */
public record CheckSession(@TargetAggregateIdentifier UserId userId, Instant sessionStartedAt) {}
