package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Whether the account is one that may be named for {@code role}: it has the role and is not closed (deactivated or
 * erased). Answers a {@code Boolean}; changes nothing; an id without an account is 404. An admin's product is listed
 * for a vendor, and a course created for an instructor, only once this answers true (the roles live in the account's
 * own stream, which this reads).
 */
public record CheckAccountRole(@TargetAggregateIdentifier UserId userId, String role) {}
