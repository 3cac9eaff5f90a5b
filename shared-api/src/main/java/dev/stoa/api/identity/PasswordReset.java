package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** The password was replaced through a reset link (bcrypt hash); every session of the user ended. */
@Revision("1")
public record PasswordReset(UserId userId, String passwordHash) {}
