package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/**
 * A login session ended: {@code reason} "logout", or "reuse" when an already spent refresh token was
 * presented again (a sign it was stolen), after which no token of the family works.
 */
@Revision("1")
public record TokenFamilyRevoked(TokenFamilyId familyId, UserId userId, String reason) {}
