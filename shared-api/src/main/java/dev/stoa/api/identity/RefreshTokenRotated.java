package dev.stoa.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Refresh token {@code spentTokenId} was spent; {@code tokenId} is the family's only valid one now. */
@Revision("1")
public record RefreshTokenRotated(TokenFamilyId familyId, UserId userId, String spentTokenId, String tokenId,
                                  Instant expiresAt) {}
