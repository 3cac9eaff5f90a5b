package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a login session (logout), if {@code userId} owns it. */
public record RevokeTokenFamily(@TargetAggregateIdentifier TokenFamilyId familyId, UserId userId, String reason) {}
