package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Log in with the e-mailed code. Answers a {@link LoginOutcome}; wrong codes are counted. */
public record LogInWithCode(@TargetAggregateIdentifier UserId userId, String code) {
    /** Never prints the secret: a logged command must not leak it. */
    @Override
    public String toString() { return "LogInWithCode[userId=" + userId + ", code=***]"; }
}
