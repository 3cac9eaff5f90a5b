package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Someone asked to reset this account's password. Answers the {@link PasswordVersion} the reset link must
 * name, or null when the account is not active (no link is sent then).
 */
public record PreparePasswordReset(@TargetAggregateIdentifier UserId userId) {}
