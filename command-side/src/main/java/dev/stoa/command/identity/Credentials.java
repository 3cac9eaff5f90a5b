package dev.stoa.command.identity;

import static dev.stoa.command.identity.UserAccount.LOCKOUT;
import static dev.stoa.command.identity.UserAccount.MAX_FAILURES;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.SecretSealer;
import dev.stoa.command.platform.SnapshotState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * How an account proves who it is: the password hash (null once voided), the consecutive failures and lockout
 * shared by passwords, login codes and re-authentication, and the mailed login code with its issuing cap.
 */
@SnapshotState
final class Credentials {
    static final int MAX_CODES_PER_HOUR = 5;
    /** Password-reset links mailed to one account in any hour, at most. */
    static final int MAX_RESETS_PER_HOUR = 5;

    /** What an attempt comes to: the events to apply, in order, and the refusal, or null when it succeeded. */
    record Attempt(List<Object> events, LoginOutcome refusal) {
        static Attempt accepted(Object... events) { return new Attempt(List.of(events), null); }

        static Attempt refused(ErrorCode code, Instant lockedUntil, Object... events) {
            return new Attempt(List.of(events), LoginOutcome.refused(code, lockedUntil));
        }

        Attempt after(Object first) {
            List<Object> all = new ArrayList<>(events.size() + 1);
            all.add(first);
            all.addAll(events);
            return new Attempt(all, refusal);
        }
    }

    private String passwordHash;
    private int failures;
    /** When the last failed login was (null: none, or none since the count was last cleared). */
    private Instant lastFailureAt;
    private Instant lockedUntil;
    private String codeId;
    private String codeHash;
    private Instant codeExpiresAt;
    private final Deque<Instant> codesIssued = new ArrayDeque<>();
    /** When reset links were last mailed (at most {@link #MAX_RESETS_PER_HOUR} kept). */
    private final Deque<Instant> resetsRequested = new ArrayDeque<>();

    static void requireBcrypt(String hash, String field) {
        if (hash == null || !hash.startsWith("$2")) throw DomainException.badInput(field + " must be a bcrypt hash");
    }

    /** A password login on an active account; with MFA on, the authenticator's or a recovery code is needed too. */
    Attempt logIn(UserId userId, LogIn cmd, Profile profile, Mfa mfa, SecretSealer sealer, Instant now) {
        Attempt proof = password(userId, cmd.password(), now);
        if (proof.refusal() != null) return proof;
        if (!profile.emailVerified()) return Attempt.refused(ErrorCode.EMAIL_NOT_VERIFIED, null);
        return secondFactor(userId, cmd.totpCode(), mfa, sealer, now, ErrorCode.INVALID_MFA_CODE, step -> new LoginSucceeded(userId, step));
    }

    /**
     * The password alone: locked, wrong (counted, the fifth in a row locking), or right (no event). A login starts
     * with it; an account that is not active stops there, so only who knows the password learns its state.
     */
    Attempt password(UserId userId, String password, Instant now) {
        if (locked(now)) return Attempt.refused(ErrorCode.ACCOUNT_LOCKED, lockedUntil);
        if (!Passwords.matches(password, passwordHash)) return failed(userId, now, ErrorCode.INVALID_CREDENTIALS);
        return Attempt.accepted();
    }

    /** The mailed code alone, as {@link #password} is the password: a code login starts with it. */
    Attempt code(UserId userId, String code, Instant now) {
        if (locked(now)) return Attempt.refused(ErrorCode.ACCOUNT_LOCKED, lockedUntil);
        // no live code (never asked for, used, expired): a wrong code all the same, checked and counted as an address
        // without an account is (PhantomLockout), or the answers would tell the two apart: the lockout, and the time
        if (codeId == null || now.isAfter(codeExpiresAt)) {
            Passwords.checkAgainstNothing(code);
            return failed(userId, now, ErrorCode.INVALID_LOGIN_CODE);
        }
        if (!Passwords.matches(code, codeHash))
            return failed(userId, now, ErrorCode.INVALID_LOGIN_CODE).after(new LoginCodeRejected(userId, codeId,
                    nextFailure(now)));
        return Attempt.accepted();
    }

    /** Proving again who one is: the password, and the second factor when MFA is on. */
    Attempt reauthenticate(UserId userId, Reauthenticate cmd, Mfa mfa, SecretSealer sealer, Instant now) {
        if (locked(now)) return Attempt.refused(ErrorCode.ACCOUNT_LOCKED, lockedUntil);
        if (!Passwords.matches(cmd.password(), passwordHash)) return failed(userId, now, ErrorCode.REAUTHENTICATION_FAILED);
        return secondFactor(userId, cmd.code(), mfa, sealer, now, ErrorCode.REAUTHENTICATION_FAILED,
                step -> new Reauthenticated(userId, step));
    }

    private Attempt secondFactor(UserId userId, String code, Mfa mfa, SecretSealer sealer, Instant now, ErrorCode refusal,
                                 java.util.function.Function<Long, Object> success) {
        if (!mfa.active()) return Attempt.accepted(success.apply(null));
        if (code == null || code.isBlank()) return Attempt.refused(ErrorCode.MFA_REQUIRED, null);
        Mfa.Match match = mfa.login(code, sealer, now);
        if (!match.matched()) return failed(userId, now, refusal);
        Object succeeded = success.apply(match.step());
        return match.recoveryIndex() == null ? Attempt.accepted(succeeded)
                : Attempt.accepted(new RecoveryCodeUsed(userId, match.recoveryIndex()), succeeded);
    }

    /** A wrong password, code or second factor: counted, and the fifth in a row locks the account for a while. */
    private Attempt failed(UserId userId, Instant now, ErrorCode refusal) {
        int count = nextFailure(now);
        Instant until = count >= MAX_FAILURES ? now.plus(LOCKOUT) : null;
        LoginFailed failure = new LoginFailed(userId, count, until);
        return until != null ? Attempt.refused(ErrorCode.ACCOUNT_LOCKED, until, failure) : Attempt.refused(refusal, null, failure);
    }

    /** The count a failure now makes: the one before are forgotten after UserAccount.FAILURE_MEMORY without one. */
    private int nextFailure(Instant now) {
        boolean forgotten = lastFailureAt != null && !lastFailureAt.isAfter(now.minus(UserAccount.FAILURE_MEMORY));
        return (forgotten ? 0 : failures) + 1;
    }

    /**
     * A login with the mailed code on an active account. It proves the mailbox, not the password: on an account
     * not yet verified it verifies the address and voids the password chosen at registration.
     */
    Attempt logInWithCode(UserId userId, LogInWithCode cmd, Profile profile, Mfa mfa, Instant now) {
        Attempt proof = code(userId, cmd.code(), now);
        if (proof.refusal() != null) return proof;
        if (mfa.active()) return Attempt.refused(ErrorCode.MFA_REQUIRED, null); // a mailed code is no second factor
        LoginCodeUsed used = new LoginCodeUsed(userId, codeId);
        LoginSucceeded success = new LoginSucceeded(userId, null);
        if (profile.emailVerified()) return Attempt.accepted(used, success);
        return passwordHash == null ? Attempt.accepted(used, new EmailVerified(userId, profile.email()), success)
                : Attempt.accepted(used, new EmailVerified(userId, profile.email()), new PasswordVoided(userId), success);
    }

    /** The verification link: with the registration password both are proven; without it, the password is voided. */
    Attempt verifyEmail(UserId userId, String password, Profile profile, Instant now) {
        EmailVerified verified = new EmailVerified(userId, profile.email());
        if (password == null) return passwordHash == null ? Attempt.accepted(verified)
                : Attempt.accepted(verified, new PasswordVoided(userId));
        if (locked(now)) return Attempt.refused(ErrorCode.ACCOUNT_LOCKED, lockedUntil);
        if (!Passwords.matches(password, passwordHash)) return failed(userId, now, ErrorCode.INVALID_CREDENTIALS);
        return Attempt.accepted(verified);
    }

    /** Whether another code may be mailed: at most {@link #MAX_CODES_PER_HOUR} in any hour. */
    boolean mayIssueCode(Instant now) {
        return codesIssued.stream().filter(at -> at.isAfter(now.minus(Duration.ofHours(1)))).count() < MAX_CODES_PER_HOUR;
    }

    private boolean locked(Instant now) { return lockedUntil != null && now.isBefore(lockedUntil); }

    String passwordVersion() { return PasswordVersion.of(passwordHash); }

    void registered(String hash) { passwordHash = hash; }

    void loginFailed(int consecutiveFailures, Instant until, Instant at) {
        failures = consecutiveFailures;
        lastFailureAt = at;
        if (until != null) {
            lockedUntil = until;
            failures = 0;
        }
    }

    void loginSucceeded() {
        failures = 0;
        lockedUntil = null;
    }

    /** Whether another reset link may be mailed: at most {@link #MAX_RESETS_PER_HOUR} in any hour. */
    boolean mayMailReset(Instant now) {
        return resetsRequested.stream().filter(at -> at.isAfter(now.minus(Duration.ofHours(1)))).count() < MAX_RESETS_PER_HOUR;
    }

    void resetRequested(Instant at) {
        resetsRequested.addLast(at);
        while (resetsRequested.size() > MAX_RESETS_PER_HOUR) resetsRequested.removeFirst();
    }

    /** A new code replaces the last one; the failure count (the attempt budget) stays as it is. */
    void codeIssued(String id, String hash, Instant expiresAt, Instant at) {
        codeId = id;
        codeHash = hash;
        codeExpiresAt = expiresAt;
        codesIssued.addLast(at);
        while (codesIssued.size() > MAX_CODES_PER_HOUR) codesIssued.removeFirst();
    }

    void codeUsed() { codeId = null; }

    void passwordVoided() { passwordHash = null; }

    /** A new password also clears the failure count and any lockout. */
    void passwordReset(String hash) {
        passwordHash = hash;
        failures = 0;
        lockedUntil = null;
    }
}
