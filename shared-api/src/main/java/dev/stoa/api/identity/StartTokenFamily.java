package dev.stoa.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A login issued its first refresh token ({@code tokenId}), valid until {@code expiresAt}. */
public record StartTokenFamily(@TargetAggregateIdentifier TokenFamilyId familyId, UserId userId, String tokenId,
                               Instant expiresAt) {}
