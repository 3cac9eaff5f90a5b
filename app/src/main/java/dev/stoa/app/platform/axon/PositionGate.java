package dev.stoa.app.platform.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Waits for positions (reads sent with {@code X-Stoa-Min-Position}, and tests): a segment claimed here is judged by
 * its in-memory status, and a waiter sleeps until a processor of this process commits a batch
 * ({@link ProcessorProgress}); a segment another process owns is judged by its stored token ({@link TokenPositions}),
 * re-read at most every {@link TokenPositions#MAX_AGE}.
 */
@Component
public class PositionGate {
    private static final Logger log = LoggerFactory.getLogger(PositionGate.class);
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final TokenPositions tokens;
    private final WriteAtPosition writes;
    private final ProcessorProgress progress;
    private final StoredPositions stored;
    private final EventTargets.Handlers handlers = new EventTargets.Handlers();

    public PositionGate(ObjectProvider<EventProcessingConfiguration> processing, TokenPositions tokens,
                        WriteAtPosition writes, ProcessorProgress progress, StoredPositions stored) {
        this.processing = processing;
        this.tokens = tokens;
        this.writes = writes;
        this.progress = progress;
        this.stored = stored;
    }

    /**
     * Until every processor here that handles the events of the write ending at {@code position} has passed them,
     * in whichever process owns the segment. False at once if such a processor is stopped or in error here.
     */
    public boolean awaitWriteAt(long position, TrackingToken head, Duration timeout) throws InterruptedException {
        List<TrackedEventMessage<?>> events = writes.eventsEndingAt(position, head);
        if (events.isEmpty()) {
            log.debug("No event at position {}: waiting for every processor", position);
            return awaitAll(position, timeout); // no event there (a burned position): all of them
        }
        record Check(StreamingEventProcessor processor, TrackedEventMessage<?> event) {}
        List<Check> checks = new ArrayList<>();
        for (TrackedEventMessage<?> event : events) {
            for (StreamingEventProcessor p : handlers.of(processors(), event)) {
                if (!EventTargets.available(p)) return false;
                checks.add(new Check(p, event));
            }
        }
        boolean passed = waitUntil(() -> checks.stream().allMatch(c -> passed(c.processor(), c.event())), timeout);
        if (!passed && log.isDebugEnabled()) {
            checks.stream().filter(c -> !passed(c.processor(), c.event())).forEach(c -> log.debug(
                    "Position {}: {} has not passed event {} at {} (here: {}; stored: {})", position, c.processor().getName(),
                    c.event().getPayloadType().getSimpleName(), c.event().trackingToken(),
                    c.processor().processingStatus(), tokens.segments(c.processor().getName())));
        }
        return passed;
    }

    /**
     * Until every running read-model processor here has handled every event committed up to {@code position} in all its
     * segments, wherever owned.
     */
    public boolean awaitAll(long position, Duration timeout) throws InterruptedException {
        List<StreamingEventProcessor> running = processors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor s && s.isRunning() && EventTargets.buildsReadModels(p))
                .map(StreamingEventProcessor.class::cast).toList();
        return waitUntil(() -> running.stream().allMatch(p -> passedEverywhere(p, position)), timeout);
    }

    /**
     * Until the named processor has handled every event committed up to {@code position} in all its segments, wherever
     * owned (the audit log, which no write waits for, before an audit answer). False when it is not configured here or
     * not there in time.
     */
    public boolean awaitProcessor(String name, long position, Duration timeout) throws InterruptedException {
        if (position < 0) return true;
        if (!(processors().get(name) instanceof StreamingEventProcessor processor)) return false;
        return waitUntil(() -> passedEverywhere(processor, position), timeout);
    }

    private boolean waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = progress.generation();
            if (condition.getAsBoolean()) return true;
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            // woken by this process's commits; the stored tokens of other processes are only seen by re-reading them
            progress.awaitAdvance(seen, Math.min(left, TokenPositions.MAX_AGE.toNanos()));
        }
    }

    private boolean passed(StreamingEventProcessor processor, TrackedEventMessage<?> event) {
        long position = event.trackingToken().position().orElse(Long.MAX_VALUE);
        return EventTargets.localSegment(processor, event)
                .map(status -> passed(status.getTrackingToken(), position))
                .orElseGet(() -> tokens.segments(processor.getName()).stream()
                        .filter(stored -> EventTargets.matches(processor, event, stored.segment()))
                        .anyMatch(stored -> passed(stored.token(), position)));
    }

    private boolean passedEverywhere(StreamingEventProcessor processor, long position) {
        var local = processor.processingStatus();
        for (EventTrackerStatus status : local.values()) {
            if (!caughtUp(status.getTrackingToken(), position)) return false;
        }
        return tokens.segments(processor.getName()).stream()
                .filter(segment -> !local.containsKey(segment.segment().getSegmentId()))
                .allMatch(segment -> caughtUp(segment.token(), position));
    }

    /**
     * Whether a token has handled every event committed up to {@code position}: at or past it, and none of its gaps up
     * to there filled since it passed them. Its index alone would not tell: a transaction that took a position before
     * another's and committed after it is a gap when the processor reads past it, and the processor takes it up only
     * on its next fetch.
     */
    private boolean caughtUp(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current == null) return false;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !stored.anyCommitted(gapAware.getGaps().headSet(position + 1));
        }
        return current.position().orElse(-1) >= position;
    }

    /**
     * Whether a token has handled the event at {@code position}: at or past it, and not holding it as a gap.
     * Gaps below it (other writers' transactions still open) do not count: they are not the client's events,
     * and a write's own events commit together, so a processor that saw the last one has seen them all.
     */
    static boolean passed(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current == null) return false;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current.position().orElse(-1) >= position;
    }

    private Map<String, EventProcessor> processors() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        return config == null ? Map.of() : config.eventProcessors();
    }
}
