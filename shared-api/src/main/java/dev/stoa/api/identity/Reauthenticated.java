package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/**
 * The user proved again who they are (password, and the authenticator step {@code totpStep} when MFA is on, so
 * that code cannot be used again); clears the failure count like a successful login.
 */
@Revision("1")
public record Reauthenticated(UserId userId, Long totpStep) {}
