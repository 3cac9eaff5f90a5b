package dev.stoa.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A one-time login code was e-mailed; only its bcrypt hash enters the account. It replaces any earlier
 * code and works until {@code expiresAt}, for a few attempts.
 */
public record IssueLoginCode(@TargetAggregateIdentifier UserId userId, String codeId, String codeHash, Instant expiresAt) {}
