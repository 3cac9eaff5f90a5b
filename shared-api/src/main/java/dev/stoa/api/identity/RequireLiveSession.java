package dev.stoa.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Before a write to the caller's own account (MFA; deactivating or erasing it, {@code closing}) made with an access
 * token of the session that began at {@code sessionStartedAt}: 401 {@code session_ended} when that session was ended
 * since, by a password reset, suspension, deactivation or erasure for MFA, by a password reset for closing the account
 * (a suspended or deactivated account, which cannot log in, still closes itself and has its data erased with the token
 * it has). An ended session's token turned on MFA, or could have erased the account, after its owner reset the
 * password, before 2026-12-07 (found by a walkthrough). Changes nothing; an id without an account is 404.
 */
public record RequireLiveSession(@TargetAggregateIdentifier UserId userId, Instant sessionStartedAt, boolean closing) {}
