package dev.stoa.command.identity;

import dev.stoa.api.identity.LoginOutcome;
import dev.stoa.api.platform.ErrorCode;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Wrong logins (password or mailed code) for addresses that have no account follow the same lockout as real accounts
 * (the fifth in a row answers 429 for {@link UserAccount#LOCKOUT}), so the lockout does not tell who is registered. Kept in
 * memory per process and bounded; a real account's lockout is in its events.
 */
@Component
class PhantomLockout {
    private static final int MAX_TRACKED = 50_000;

    private record State(int failures, Instant lockedUntil) {}

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /**
     * Until when the address is locked now, or null: a locked address is answered at once, as a locked account is
     * (before any hash is checked), so the time of the answer does not tell them apart either.
     */
    Instant lockedUntil(String emailKey) {
        State s = states.get(emailKey);
        return s != null && s.lockedUntil() != null && Instant.now().isBefore(s.lockedUntil()) ? s.lockedUntil() : null;
    }

    /**
     * The answer to a login (password or code) for an address without an account, as a real account's wrong one: 429
     * at once while locked; else a hash checked against nothing (the same time as a real check), counted, and
     * {@code wrong} or, the fifth in a row, 429.
     */
    RuntimeException refusal(String emailKey, String secret, ErrorCode wrong) {
        Instant locked = lockedUntil(emailKey);
        if (locked == null) {
            Passwords.checkAgainstNothing(secret);
            locked = failed(emailKey);
        }
        return Sessions.refusal(locked == null ? LoginOutcome.refused(wrong, null) : LoginOutcome.refused(ErrorCode.ACCOUNT_LOCKED, locked));
    }

    /** Records a failed login for an unknown address; returns when it is locked until, or null. */
    Instant failed(String emailKey) {
        if (states.size() > MAX_TRACKED) states.clear();
        Instant now = Instant.now();
        State next = states.compute(emailKey, (k, s) -> {
            if (s != null && s.lockedUntil() != null && now.isBefore(s.lockedUntil())) return s;
            int failures = (s == null || s.lockedUntil() != null ? 0 : s.failures()) + 1;
            return new State(failures, failures >= UserAccount.MAX_FAILURES ? now.plus(UserAccount.LOCKOUT) : null);
        });
        return next.lockedUntil();
    }
}
