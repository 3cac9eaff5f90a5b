package dev.stoa.command.identity;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.SnapshotState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** An account's status, its transitions (active ⇄ suspended; deactivated, erased: final) and since when sessions count. */
@SnapshotState
final class Lifecycle {
    enum Status { ACTIVE, SUSPENDED, DEACTIVATED, ERASED }

    private Status status;
    /**
     * Null until a suspension, deactivation, erasure or password reset ends the sessions begun before it, and
     * {@code passwordResetAt} until a reset: both read {@code 1970-01-01T00:00:00Z} in the audit's state of an account
     * never suspended or reset before 2026-12-07 evening (walkthrough Z29), which said the epoch where it meant never.
     */
    private Instant sessionsValidAfter;
    private Instant passwordResetAt;
    /** The admin's reason of the suspension in force, sealed as in its event (null: none given, or not suspended). */
    private String suspensionReason;

    boolean active() { return status == Status.ACTIVE; }

    boolean erased() { return status == Status.ERASED; }

    /** Deactivated or erased: for good (a suspension is not). */
    boolean closed() { return status == Status.DEACTIVATED || status == Status.ERASED; }

    /** Why a login or session check fails on an account that is not active. */
    ErrorCode refusal() {
        return switch (status) {
            case SUSPENDED -> ErrorCode.ACCOUNT_SUSPENDED;
            case DEACTIVATED -> ErrorCode.ACCOUNT_DEACTIVATED;
            case ERASED, ACTIVE -> ErrorCode.SESSION_ENDED; // an erased account's sessions are over; active is never refused here
        };
    }

    /** Refuses what only an active account may do (the checkout), with {@link #refusal()}'s code. */
    void requireActiveFor(String what) {
        if (status != Status.ACTIVE)
            throw new DomainException(refusal(), what + ": this account is " + status.name().toLowerCase(Locale.ROOT));
    }

    void requireActive() {
        if (status != Status.ACTIVE) throw DomainException.invalidTransition("the account is " + status.name().toLowerCase(Locale.ROOT));
    }

    /**
     * @return whether to suspend: not when already suspended, unless the admin gives a reason (the new one replaces
     *     the old: it was dropped, and the repeat answered 204, before 2026-12-07 evening; walkthrough Z28); a closed
     *     account cannot be
     */
    boolean mustSuspend(boolean withNewReason) {
        if (status == Status.SUSPENDED) return withNewReason;
        if (status != Status.ACTIVE) throw DomainException.invalidTransition("a closed account cannot be suspended");
        return true;
    }

    /** @return whether to reinstate: not when already active; a closed account cannot be */
    boolean mustReinstate() {
        if (status == Status.ACTIVE) return false;
        // an erased account read "a deactivated account stays closed" before 2026-12-07 evening (walkthrough Z32)
        if (status != Status.SUSPENDED)
            throw DomainException.invalidTransition("the account is " + status.name().toLowerCase(Locale.ROOT) + ": it stays closed");
        return true;
    }

    boolean suspended() { return status == Status.SUSPENDED; }

    /** The reason of the suspension in force, sealed; null when none was given or the account is not suspended. */
    String suspensionReason() { return suspensionReason; }

    /**
     * @return whether to deactivate: not when deactivated already (a repeat); an erased account is past it, and says so
     *     (it answered 204 as if deactivated before 2026-12-07; carried from walkthrough Z28)
     */
    boolean mustDeactivate() {
        if (status == Status.ERASED) throw DomainException.invalidTransition("the account is erased: it stays closed");
        return status != Status.DEACTIVATED;
    }

    /** Whether a session that began at {@code startedAt} was ended by the last cut-off (suspension, new password…). */
    boolean sessionEnded(Instant startedAt) {
        // start times travel as epoch milliseconds (the refresh token's sst claim); the same millisecond counts as before
        return startedBefore(startedAt, sessionsValidAfter);
    }

    void registered() { status = Status.ACTIVE; }

    /** Suspended at {@code at}; again (a new reason): the sessions' cut-off stays the first suspension's. */
    void suspended(Instant at, String sealedReason) {
        if (status != Status.SUSPENDED) sessionsValidAfter = at;
        status = Status.SUSPENDED;
        suspensionReason = sealedReason;
    }

    void reinstated() {
        status = Status.ACTIVE;
        suspensionReason = null;
    }

    void deactivated(Instant at) {
        status = Status.DEACTIVATED;
        sessionsValidAfter = at;
    }

    void erased(Instant at) {
        status = Status.ERASED;
        sessionsValidAfter = at;
    }

    /** Ends every session that began before {@code at} without changing the status (a password reset). */
    void sessionsEndedAt(Instant at) {
        sessionsValidAfter = at;
        passwordResetAt = at;
    }

    /** Whether a session that began at {@code startedAt} began before the last password reset. */
    boolean sessionEndedByReset(Instant startedAt) {
        return startedBefore(startedAt, passwordResetAt);
    }

    private static boolean startedBefore(Instant startedAt, Instant cut) {
        return cut != null && !startedAt.isAfter(cut.truncatedTo(ChronoUnit.MILLIS));
    }
}
