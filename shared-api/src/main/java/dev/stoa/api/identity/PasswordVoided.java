package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/**
 * The password set at registration no longer works: the e-mail address was proven without it (a login code, or
 * the verification link opened without the password), so whoever chose it at sign-up need not own the mailbox.
 * The owner logs in with a code or sets a password through a reset.
 */
@Revision("1")
public record PasswordVoided(UserId userId) {}
