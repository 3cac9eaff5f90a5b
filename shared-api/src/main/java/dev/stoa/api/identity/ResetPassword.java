package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set a new password from a reset link. {@code passwordVersion} names the password the link was issued
 * for, so a link works once: after the reset the version differs.
 */
public record ResetPassword(@TargetAggregateIdentifier UserId userId, String passwordVersion, String newPasswordHash) {}
