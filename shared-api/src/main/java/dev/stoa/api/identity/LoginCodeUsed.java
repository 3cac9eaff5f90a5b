package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** The user logged in with login code {@code codeId}, which is now spent. */
@Revision("1")
public record LoginCodeUsed(UserId userId, String codeId) {}
