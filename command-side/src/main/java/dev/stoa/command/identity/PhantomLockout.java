package dev.stoa.command.identity;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Wrong logins for addresses that have no account follow the same lockout as real accounts (the fifth in a
 * row answers 429 for {@link UserAccount#LOCKOUT}), so the lockout does not tell who is registered. Kept in
 * memory per process and bounded; a real account's lockout is in its events.
 */
@Component
class PhantomLockout {
    private static final int MAX_TRACKED = 50_000;

    private record State(int failures, Instant lockedUntil) {}

    private final Map<String, State> states = new ConcurrentHashMap<>();

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
