package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Prove the authenticator works with one of its codes; from then on login needs a code. */
public record ActivateMfa(@TargetAggregateIdentifier UserId userId, String code) {
    /** Never prints the secret: a logged command must not leak it. */
    @Override
    public String toString() { return "ActivateMfa[userId=" + userId + ", code=***]"; }
}
