package dev.stoa.command.identity;

import dev.stoa.api.identity.LoginOutcome;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.PeriodicTask;
import dev.stoa.command.platform.SecretHasher;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Wrong logins (password or mailed code) for addresses that have no account follow the same lockout as real accounts
 * (the fifth in a row answers 429 for {@link UserAccount#LOCKOUT}), so the lockout does not tell who is registered.
 * Kept in {@code phantom_lockout}, shared by every command process as a real account's lockout is (it is in its
 * events): kept in memory per process before 2026-12-06, an address without an account did not lock when its tries
 * went to several processes. The address is kept only as its keyed hash. Its count is forgotten after
 * {@link UserAccount#FAILURE_MEMORY} without a try, as an account's is (since 2026-12-06: an account's never was, and
 * the deletion of an idle row here told the two apart); a row unlocked and untouched that long is deleted hourly.
 */
@Component
class PhantomLockout extends PeriodicTask {
    static final String PURPOSE = "phantom-lockout";
    static final Duration RETENTION = UserAccount.FAILURE_MEMORY;
    private final JdbcTemplate jdbc;
    private final SecretHasher hasher;

    PhantomLockout(JdbcTemplate jdbc, SecretHasher hasher) {
        super("phantom-lockout-expiry", Duration.ofHours(1));
        this.jdbc = jdbc;
        this.hasher = hasher;
    }

    /**
     * Until when the address is locked now, or null: a locked address is answered at once, as a locked account is
     * (before any hash is checked), so the time of the answer does not tell them apart either.
     */
    Instant lockedUntil(String emailKey) {
        // the JVM's clock, as a real account's lockout reads it (and Retry-After is counted from): the database's, a few
        // milliseconds off, made Retry-After 901 or 899 where a real account's reads 900, which told them apart
        List<Timestamp> until = jdbc.queryForList("select locked_until from phantom_lockout where key_hash = ? "
                + "and locked_until > ?", Timestamp.class, hasher.hash(PURPOSE, emailKey), at(Instant.now()));
        return until.isEmpty() ? null : until.getFirst().toInstant();
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

    /**
     * Records a failed login for an unknown address in one statement (tries at once in several processes count each);
     * returns until when it is locked, or null. A try while locked changes nothing; the first after a lock, or after
     * {@link UserAccount#FAILURE_MEMORY} without a try, counts from 1 again, as {@link Credentials} does for an account.
     */
    Instant failed(String emailKey) {
        Instant clock = Instant.now();
        OffsetDateTime now = at(clock), lockedUntil = at(clock.plus(UserAccount.LOCKOUT)),
                forgetBefore = at(clock.minus(UserAccount.FAILURE_MEMORY));
        Timestamp until = jdbc.queryForObject("""
                insert into phantom_lockout as p (key_hash, failures, locked_until, updated_at)
                values (?, 1, case when 1 >= ? then ?::timestamptz end, ?)
                on conflict (key_hash) do update set
                    failures = case when p.locked_until > ? then p.failures
                                    when p.locked_until is not null or p.updated_at <= ? then 1
                                    else p.failures + 1 end,
                    locked_until = case when p.locked_until > ? then p.locked_until
                                        when (case when p.locked_until is not null or p.updated_at <= ? then 1
                                                   else p.failures + 1 end) >= ?
                                            then ?::timestamptz
                                        end,
                    updated_at = ?
                returning locked_until""", Timestamp.class, hasher.hash(PURPOSE, emailKey), UserAccount.MAX_FAILURES,
                lockedUntil, now, now, forgetBefore, now, forgetBefore, UserAccount.MAX_FAILURES, lockedUntil, now);
        return until == null ? null : until.toInstant();
    }

    /** Deletes the rows unlocked and untouched for {@link #RETENTION}. */
    @Override
    public int runOnce() {
        Instant now = Instant.now();
        return jdbc.update("delete from phantom_lockout where (locked_until is null or locked_until < ?) "
                + "and updated_at < ?", at(now), at(now.minus(RETENTION)));
    }

    private static OffsetDateTime at(Instant instant) { return instant.atOffset(ZoneOffset.UTC); }
}
