package dev.stoa.app.audit;

import dev.stoa.api.platform.MayBeNull;
/**
 * What {@code GET /api/v1/audit/integrity} found. {@code intact} is false when {@code firstBreak} names where the
 * stored events stop matching the chain: {@code altered} (the event at that position is not what was chained),
 * {@code removed} (a chained event is gone), {@code reordered} (the position holds another chained event: events were
 * moved), {@code replaced} (it holds an event never chained), {@code inserted} (a stored event the chain never saw),
 * {@code link-removed} (a link of the chain itself is gone). {@code pending}: events stored after the chain's head,
 * not chained yet.
 */
public record IntegrityReport(boolean intact, long fromPosition, long toPosition, long eventsChecked, long chainHead,
                              long storeHead, long pending, @MayBeNull Break firstBreak, long tookMillis,
                              long eventsPerSecond) {

    /** The first place the chain breaks, in chain order. */
    public record Break(long position, long chainSeq, String eventId, String reason, String detail) {}

    /** Progress of a long verification, reported about every second. */
    public record Progress(long eventsChecked, long eventsTotal, double percent, long eventsPerSecond) {}

    /** One progress line of the NDJSON answer, before the report's own line: {@code {"progress": {...}}}. */
    public record ProgressLine(Progress progress) {}
}
