package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Before a write made with an access token of the login session {@code familyId} (its refresh tokens' family, which
 * the token names): 401 {@code session_ended} once that session was logged out, or revoked because one of its spent
 * refresh tokens came back (a stolen copy). Before 2026-12-07 an access token went on writing until it expired (15
 * minutes) after its session's logout or revocation. Changes nothing; a family of another user is 403.
 */
public record RequireOpenSession(@TargetAggregateIdentifier TokenFamilyId familyId, UserId userId) {}
