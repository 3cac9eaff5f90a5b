package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** The user proved they receive mail at {@code email} (sealed personal data). */
@Revision("1")
public record EmailVerified(UserId userId, String email) {}
