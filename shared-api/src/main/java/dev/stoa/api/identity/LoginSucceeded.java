package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/**
 * The user logged in. {@code totpStep} is the authenticator time step that was used (null without one),
 * so the same code cannot log in twice.
 */
@Revision("1")
public record LoginSucceeded(UserId userId, Long totpStep) {}
