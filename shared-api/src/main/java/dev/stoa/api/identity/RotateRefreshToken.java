package dev.stoa.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Spend refresh token {@code presentedTokenId} for {@code newTokenId}. Answers true if rotated; false if
 * the family is revoked, expired, or the presented token was already spent, which revokes the family.
 */
public record RotateRefreshToken(@TargetAggregateIdentifier TokenFamilyId familyId, String presentedTokenId,
                                 String newTokenId, Instant expiresAt) {}
