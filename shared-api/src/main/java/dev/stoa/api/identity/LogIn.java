package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A password login attempt, with the authenticator code (or a recovery code) when the account uses
 * multi-factor authentication. The clear password travels in this command only, to be checked against the
 * stored hash; it is never stored. Answers a {@link LoginOutcome}: a refused attempt is recorded (for
 * lockout), so it is an outcome, not an exception.
 */
public record LogIn(@TargetAggregateIdentifier UserId userId, String password, String totpCode) {
    /** Never prints the secret: a logged command must not leak it. */
    @Override
    public String toString() { return "LogIn[userId=" + userId + ", password=***, totpCode=***]"; }
}
