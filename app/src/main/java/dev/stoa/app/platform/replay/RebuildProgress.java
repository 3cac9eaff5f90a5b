package dev.stoa.app.platform.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rebuild stands: {@code status} is {@code running} (replaying beside the live read model), {@code switching}
 * (caught up, swapping the new one in), {@code done} or {@code failed} (with {@code error}; the live one untouched).
 * Positions are global event-log positions; {@code targetPosition} is the log's head when the rebuild started.
 */
public record RebuildProgress(String processor, String status, long eventsReplayed, long position, long targetPosition,
                              double eventsPerSecond, Instant startedAt, Instant finishedAt, String error) {

    /**
     * Share of the log up to {@code targetPosition} replayed, 0-100 (before the first event the position is -1: 0, not
     * the negative share it read).
     */
    public double percent() {
        if (targetPosition <= 0) return 100.0;
        return Math.max(0.0, Math.min(100.0, 100.0 * position / targetPosition));
    }

    /** Time left at the current speed, null when unknown or finished. */
    public Duration eta() {
        if (!"running".equals(status) || eventsPerSecond <= 0) return null;
        return Duration.ofMillis((long) (1000.0 * Math.max(0, targetPosition - position) / eventsPerSecond));
    }
}
