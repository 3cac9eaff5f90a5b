package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a registration whose e-mail address was never verified in time; nothing happens to a verified account. */
public record ExpireRegistration(@TargetAggregateIdentifier UserId userId) {}
