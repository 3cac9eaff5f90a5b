package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asked before a login code is made and hashed: would the account take one now (active, fewer than five this hour)?
 * Answers true or false, records nothing; {@link IssueLoginCode} decides again. So a request past the cap costs no
 * bcrypt hash.
 */
public record MayIssueLoginCode(@TargetAggregateIdentifier UserId userId) {}
