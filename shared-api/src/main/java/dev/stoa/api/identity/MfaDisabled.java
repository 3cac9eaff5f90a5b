package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** Multi-factor authentication is off: the authenticator secret and the recovery codes no longer count. */
@Revision("1")
public record MfaDisabled(UserId userId) {}
