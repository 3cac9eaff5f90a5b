package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The logged-in user proves again who they are before something that cannot be undone (erasure, deactivation,
 * turning multi-factor authentication on or off): the current password, and with MFA on an authenticator or
 * recovery code. Answers a {@link LoginOutcome}; a wrong proof counts towards the lockout like a wrong login.
 * {@code toClose}: the step closes the account (deactivation, erasure), which a suspended or deactivated account may
 * still take; any other step is refused to an account that is not active.
 */
public record Reauthenticate(@TargetAggregateIdentifier UserId userId, String password, String code, boolean toClose) {
    public Reauthenticate(UserId userId, String password, String code) { this(userId, password, code, false); }

    /** Never prints the secrets: a logged command must not leak them. */
    @Override
    public String toString() { return "Reauthenticate[userId=" + userId + ", password=***, code=***, toClose=" + toClose + "]"; }
}
