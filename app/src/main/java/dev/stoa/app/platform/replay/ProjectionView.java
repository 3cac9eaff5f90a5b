package dev.stoa.app.platform.replay;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/**
 * One event processor as {@code GET /api/v1/admin/projections} shows it. {@code role} is {@code read-model} (built
 * from the log, rebuildable when {@code replayable}) or {@code side-effect} (mail, sagas, erasure, processes that send
 * commands: never replayed). {@code status}: {@code running}, {@code stopped}, {@code error} or {@code rebuilding}.
 */
public record ProjectionView(String name, String kind, String role, boolean replayable, String status, long position,
                             long head, long lag, List<SegmentView> segments, long deadLetters,
                             @MayBeNull Rebuild rebuild) {

    /** A segment: its id, the node that holds its claim (null: nobody) and its position. */
    public record SegmentView(int segment, @MayBeNull String owner, long position) {}

    /** A rebuild's progress: events per second, percent of the log up to its target, seconds left (null: unknown). */
    public record Rebuild(String status, long eventsReplayed, long position, long targetPosition,
                          double eventsPerSecond, double percent, @MayBeNull Long etaSeconds, Instant startedAt,
                          @MayBeNull Instant finishedAt, @MayBeNull String error) {
        static Rebuild of(RebuildProgress p) {
            return new Rebuild(p.status(), p.eventsReplayed(), p.position(), p.targetPosition(), p.eventsPerSecond(),
                    Math.round(p.percent() * 10) / 10.0, p.eta() == null ? null : p.eta().toSeconds(), p.startedAt(),
                    p.finishedAt(), p.error());
        }
    }
}
