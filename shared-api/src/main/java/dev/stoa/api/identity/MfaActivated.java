package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** Multi-factor authentication is on: login needs an authenticator or recovery code. */
@Revision("1")
public record MfaActivated(UserId userId, long totpStep) {}
