package dev.stoa.app.platform.replay;

import java.time.Duration;
import java.time.Instant;

/** The mutable state of one rebuild, read as a {@link RebuildProgress} snapshot from other threads. */
final class RebuildTracker {
    private final String processor;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private volatile String status = "running";
    private volatile long events;
    private volatile long position = -1;
    private volatile long target;
    private volatile Instant finishedAt;
    private volatile String error;

    RebuildTracker(String processor, long target) {
        this.processor = processor;
        this.target = target;
    }

    void advanced(long events, long position) {
        this.events = events;
        this.position = position;
        if (position > target) target = position;
    }

    void status(String status) { this.status = status; }

    void done() {
        finishedAt = Instant.now();
        status = "done";
        target = Math.max(target, position);
    }

    void failed(String error) {
        this.error = error;
        finishedAt = Instant.now();
        status = "failed";
    }

    boolean finished() { return finishedAt != null; }

    RebuildProgress progress() {
        Instant end = finishedAt;
        double seconds = (end == null ? System.nanoTime() - startNanos
                : Duration.between(startedAt, end).toNanos()) / 1e9;
        double rate = seconds <= 0 ? 0 : Math.round(events / seconds * 10) / 10.0;
        return new RebuildProgress(processor, status, events, position, target, rate, startedAt, end, error);
    }
}
