package dev.stoa.api.identity;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Spend refresh token {@code presentedTokenId} for {@code newTokenId}. Answers true if rotated; false if
 * the family is revoked, expired, or the presented token was already spent, which revokes the family; but the token
 * spent last, presented again within {@code reuseGrace} of its exchange (a second tab, a retry whose answer was lost),
 * is refused {@code refresh_token_rotated} and revokes nothing.
 */
public record RotateRefreshToken(@TargetAggregateIdentifier TokenFamilyId familyId, String presentedTokenId,
                                 String newTokenId, Instant expiresAt, Duration reuseGrace) {
    public RotateRefreshToken(TokenFamilyId familyId, String presentedTokenId, String newTokenId, Instant expiresAt) {
        this(familyId, presentedTokenId, newTokenId, expiresAt, Duration.ZERO);
    }
}
