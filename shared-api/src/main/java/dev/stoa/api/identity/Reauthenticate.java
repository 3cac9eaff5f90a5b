package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The logged-in user proves again who they are before something that cannot be undone (erasure, deactivation,
 * turning multi-factor authentication on or off): the current password, and with MFA on an authenticator or
 * recovery code. Answers a {@link LoginOutcome}; a wrong proof counts towards the lockout like a wrong login.
 * {@code toClose}: the step closes the account (deactivation, erasure), which a suspended or deactivated account may
 * still take; any other step is refused to an account that is not active. {@code toEnrollMfa}: the step turns MFA on,
 * which is refused before the proof is checked when it is on already, so that the refused step spends no single-use
 * recovery code nor authenticator step (a refused enrollment spent one before 2026-12-07; walkthrough Z36).
 */
public record Reauthenticate(@TargetAggregateIdentifier UserId userId, String password, String code, boolean toClose,
                             boolean toEnrollMfa) {
    public Reauthenticate(UserId userId, String password, String code) { this(userId, password, code, false, false); }

    public Reauthenticate(UserId userId, String password, String code, boolean toClose) {
        this(userId, password, code, toClose, false);
    }

    /** Never prints the secrets: a logged command must not leak them. */
    @Override
    public String toString() { return "Reauthenticate[userId=" + userId + ", password=***, code=***, toClose=" + toClose
            + ", toEnrollMfa=" + toEnrollMfa + "]"; }
}
