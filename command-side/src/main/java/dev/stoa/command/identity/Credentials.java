package dev.stoa.command.identity;

import static dev.stoa.command.identity.UserAccount.LOCKOUT;
import static dev.stoa.command.identity.UserAccount.MAX_CODE_ATTEMPTS;
import static dev.stoa.command.identity.UserAccount.MAX_FAILURES;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.SecretSealer;
import java.time.Instant;
import java.util.List;

/** How an account proves who it is: the password hash with its failure count and lockout, and the mailed login code. */
final class Credentials {
    /** What a login attempt comes to: the events to apply, in order, and the refusal, or null when it succeeded. */
    record Attempt(List<Object> events, LoginOutcome refusal) {
        static Attempt accepted(Object... events) { return new Attempt(List.of(events), null); }

        static Attempt refused(String code, Instant lockedUntil, Object... events) {
            return new Attempt(List.of(events), LoginOutcome.refused(code, lockedUntil));
        }
    }

    private String passwordHash;
    private int failures;
    private Instant lockedUntil;
    private String codeId;
    private String codeHash;
    private Instant codeExpiresAt;
    private int codeAttempts;

    static void requireBcrypt(String hash, String field) {
        if (hash == null || !hash.startsWith("$2")) throw DomainException.badInput(field + " must be a bcrypt hash");
    }

    /** A password login on an active account; with MFA on, the authenticator's or a recovery code is needed too. */
    Attempt logIn(UserId userId, LogIn cmd, Profile profile, Mfa mfa, SecretSealer sealer, Instant now) {
        if (lockedUntil != null && now.isBefore(lockedUntil)) return Attempt.refused("account_locked", lockedUntil);
        if (cmd.password() == null || !Passwords.matches(cmd.password(), passwordHash))
            return failed(userId, now, "invalid_credentials");
        if (!profile.emailVerified()) return Attempt.refused("email_not_verified", null);
        if (!mfa.active()) return Attempt.accepted(new LoginSucceeded(userId, null));
        if (cmd.totpCode() == null || cmd.totpCode().isBlank()) return Attempt.refused("mfa_required", null);
        Mfa.Match match = mfa.login(cmd.totpCode(), sealer, now);
        if (!match.matched()) return failed(userId, now, "invalid_mfa_code");
        LoginSucceeded success = new LoginSucceeded(userId, match.step());
        return match.recoveryIndex() == null ? Attempt.accepted(success)
                : Attempt.accepted(new RecoveryCodeUsed(userId, match.recoveryIndex()), success);
    }

    /** A wrong password or second factor: counted, and the fifth in a row locks the account for a while. */
    private Attempt failed(UserId userId, Instant now, String refusal) {
        int count = failures + 1;
        Instant until = count >= MAX_FAILURES ? now.plus(LOCKOUT) : null;
        LoginFailed failure = new LoginFailed(userId, count, until);
        return until != null ? Attempt.refused("account_locked", until, failure) : Attempt.refused(refusal, null, failure);
    }

    /** A login with the mailed code on an active account; it also proves the e-mail address. */
    Attempt logInWithCode(UserId userId, LogInWithCode cmd, Profile profile, Mfa mfa, Instant now) {
        if (codeId == null || now.isAfter(codeExpiresAt) || codeAttempts >= MAX_CODE_ATTEMPTS)
            return Attempt.refused("invalid_code", null);
        if (cmd.code() == null || !Passwords.matches(cmd.code(), codeHash))
            return Attempt.refused("invalid_code", null, new LoginCodeRejected(userId, codeId, codeAttempts + 1));
        if (mfa.active()) return Attempt.refused("mfa_required", null); // a mailed code is no second factor
        LoginCodeUsed used = new LoginCodeUsed(userId, codeId);
        LoginSucceeded success = new LoginSucceeded(userId, null);
        return profile.emailVerified() ? Attempt.accepted(used, success)
                : Attempt.accepted(used, new EmailVerified(userId, profile.email()), success); // the code reached that mailbox
    }

    String passwordVersion() { return PasswordVersion.of(passwordHash); }

    void registered(String hash) { passwordHash = hash; }

    void loginFailed(int consecutiveFailures, Instant until) {
        failures = consecutiveFailures;
        if (until != null) {
            lockedUntil = until;
            failures = 0;
        }
    }

    void loginSucceeded() {
        failures = 0;
        lockedUntil = null;
    }

    void codeIssued(String id, String hash, Instant expiresAt) {
        codeId = id;
        codeHash = hash;
        codeExpiresAt = expiresAt;
        codeAttempts = 0;
    }

    void codeRejected(int attempts) { codeAttempts = attempts; }

    void codeUsed() { codeId = null; }

    /** A new password also clears the failure count and any lockout. */
    void passwordReset(String hash) {
        passwordHash = hash;
        failures = 0;
        lockedUntil = null;
    }
}
