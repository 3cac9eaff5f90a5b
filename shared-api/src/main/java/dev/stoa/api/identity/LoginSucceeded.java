package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** The user logged in with their password. */
@Revision("1")
public record LoginSucceeded(UserId userId) {}
