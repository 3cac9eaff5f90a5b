package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** A password reset link was sent to the account's address. */
@Revision("1")
public record PasswordResetRequested(UserId userId) {}
