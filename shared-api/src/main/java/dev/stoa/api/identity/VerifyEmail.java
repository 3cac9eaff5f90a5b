package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Confirm that the user received mail at the address they registered (the token was checked by the sender). */
public record VerifyEmail(@TargetAggregateIdentifier UserId userId, String email) {}
