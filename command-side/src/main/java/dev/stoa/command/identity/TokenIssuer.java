package dev.stoa.command.identity;

import dev.stoa.api.identity.TokenFamilyId;
import dev.stoa.api.identity.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Signs and reads the tokens identity hands out: access and refresh tokens, e-mail verification links.
 * Implemented where the signing key lives (the app), so every side verifies with the same key.
 */
public interface TokenIssuer {
    /** A new access token and the refresh token {@code refreshTokenId} of {@code family}. */
    Issued issue(UserId userId, Set<String> roles, TokenFamilyId family, String refreshTokenId, Instant refreshExpiresAt,
                 Instant sessionStartedAt);

    /** The claims of a refresh token whose signature and expiry are good. */
    Optional<RefreshClaims> readRefreshToken(String token);

    String emailVerificationToken(UserId userId, String email);

    /** The user and address of a verification token whose signature and expiry are good. */
    Optional<EmailClaims> readEmailVerificationToken(String token);

    String passwordResetToken(UserId userId, String passwordVersion);

    /** The user and password version of a reset token whose signature and expiry are good. */
    Optional<ResetClaims> readPasswordResetToken(String token);

    record ResetClaims(UserId userId, String passwordVersion) {}

    record Issued(String accessToken, String refreshToken, long expiresInSeconds) {}

    /** {@code sessionStartedAt}: when the login that began this token's family happened. */
    record RefreshClaims(UserId userId, TokenFamilyId familyId, String tokenId, Instant sessionStartedAt) {}

    record EmailClaims(UserId userId, String email) {}
}
