package dev.stoa.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A login session began with refresh token {@code tokenId}. */
@Revision("1")
public record TokenFamilyStarted(TokenFamilyId familyId, UserId userId, String tokenId, Instant expiresAt) {}
