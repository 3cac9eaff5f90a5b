package dev.stoa.app.platform.replay;

import dev.stoa.api.platform.ProjectionRebuildStarted;
import org.axonframework.eventhandling.gateway.EventGateway;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.query.platform.ReadCache;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs rebuilds beside the live read model, whatever the store ({@link Target}): the processor's handlers replay the
 * log into the new version ({@link EventReplay}) while the live one keeps serving, with progress every
 * {@code stoa.replay.log-every} in the log; once within a batch of the head the live processor stops, the replay reads
 * the rest, the target switches the new version in and moves every segment's token to where the replay stopped, and
 * the processor starts again from there (events written meanwhile land in the new version); the read cache's epoch
 * moves. A failure before the switch leaves the live read model untouched. The stop and the token move concern this
 * process's processor: run rebuilds where the processor's segments are.
 */
@Component
public class RebuildRunner {
    private static final Logger log = LoggerFactory.getLogger(RebuildRunner.class);
    private static final Duration IDLE = Duration.ofMillis(300);

    /** Where a rebuild writes, and how it is switched in. */
    interface Target {
        /** The handlers to replay, writing to the new version. */
        ProjectionBeans.Group handlers();

        /** The schema the handlers' transactions read and write first, or null. */
        String schema();

        /** Creates the new version, empty, beside the live one. */
        void prepare();

        /**
         * The replay is within a batch of the head and the live processor is about to stop: work that would otherwise
         * hold up the switch while nothing updates the live version (statistics of the new tables).
         */
        default void caughtUp() {}

        /** Switches the new version in and the processor's tokens to {@code token} (the processor is stopped). */
        void switchOver(TrackingToken token) throws Exception;

        /** Removes what is left of the new version (after a failure) or of the old one (after the switch). */
        void cleanUp();
    }

    private final EventReplay replay;
    private final EventStore eventStore;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<ReadCache> readCache;
    private final int batchSize;
    private final Duration logEvery;
    private final Map<String, RebuildTracker> rebuilds = new ConcurrentHashMap<>();
    private final EventGateway events;

    public RebuildRunner(EventReplay replay, EventStore eventStore, EventGateway events,
                         ObjectProvider<EventProcessingConfiguration> processing,
                         ObjectProvider<ReadCache> readCache, @Value("${stoa.replay.batch-size:1000}") int batchSize,
                         @Value("${stoa.replay.log-every:5s}") Duration logEvery) {
        this.replay = replay;
        this.eventStore = eventStore;
        this.events = events;
        this.processing = processing;
        this.readCache = readCache;
        this.batchSize = batchSize;
        this.logEvery = logEvery;
    }

    /** Sets every segment's token of {@code processor} to {@code token}; in the caller's transaction. */
    static void moveTokens(TokenStore store, String processor, TrackingToken token) {
        for (int segment : store.fetchSegments(processor)) {
            store.storeToken(token, processor, segment);
            store.releaseClaim(processor, segment);
        }
    }

    /**
     * The processor's parked events are dropped once the new version is in (the processor still stopped): the replay
     * handled them into it (a rebuild fails whole on an event it cannot handle), and the restarted processor delivers
     * those after the switch again. Kept, they would be retried into the new version and applied twice.
     */
    private void clearLetters(String processor) {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) return;
        config.deadLetterQueue(processor).ifPresent(queue -> {
            try {
                long parked = queue.amountOfSequences();
                if (parked == 0) return;
                queue.clear();
                log.info("Rebuild of {}: {} parked sequence(s) dropped: the new version holds their events", processor, parked);
            } catch (RuntimeException e) { // the switch is done: the rebuild stands; the letters are the admin's to evict
                log.warn("Rebuild of {}: its parked events could not be dropped ({}); evict them under "
                        + "/api/v1/admin/dead-letters before a retry applies them twice", processor, e.toString());
            }
        });
    }

    Optional<StreamingEventProcessor> live(String processor) {
        EventProcessingConfiguration config = processing.getIfAvailable();
        return config == null ? Optional.empty() : config.eventProcessor(processor, StreamingEventProcessor.class);
    }

    synchronized RebuildProgress start(String processor, Target target) {
        RebuildTracker running = rebuilds.get(processor);
        if (running != null && !running.finished())
            throw new DomainException(ErrorCode.REBUILD_RUNNING, "a rebuild of " + processor + " is running");
        RebuildTracker tracker = new RebuildTracker(processor, head());
        // in the audit trail, with who started it (an admin's request; none for a start-up's own rebuild of an
        // outdated search index): a rebuild left only a log line before 2026-12-07 evening (walkthrough Z28). Recorded
        // before the rebuild starts: a rebuild that runs was recorded, and one the log could not take never runs.
        events.publish(new ProjectionRebuildStarted(processor, tracker.progress().targetPosition()));
        rebuilds.put(processor, tracker);
        Thread.ofPlatform().name("rebuild-" + processor).daemon().start(() -> run(processor, target, tracker));
        return tracker.progress();
    }

    Optional<RebuildProgress> progress(String processor) {
        return Optional.ofNullable(rebuilds.get(processor)).map(RebuildTracker::progress);
    }

    private void run(String processor, Target target, RebuildTracker tracker) {
        log.info("Rebuild of {} started beside the live read model, up to position {}", processor,
                tracker.progress().targetPosition());
        StreamingEventProcessor live = live(processor).orElseThrow();
        boolean wasRunning = live.isRunning();
        boolean stopped = false;
        try {
            target.prepare();
            try (EventReplay.Run run = replay.open(target.handlers(), target.schema(), e -> true)) {
                long lastLog = System.nanoTime();
                while (true) {
                    run.batch(batchSize, IDLE);
                    tracker.advanced(run.eventsRead(), run.position());
                    if (System.nanoTime() - lastLog > logEvery.toNanos()) {
                        logProgress(tracker.progress());
                        lastLog = System.nanoTime();
                    }
                    if (run.caughtUp() || head() - run.position() <= batchSize) break;
                }
                target.caughtUp();
                tracker.status("switching");
                stopped = true;
                live.shutdownAsync().get(60, TimeUnit.SECONDS);
                // what the log holds now, and no more: later events are the restarted processor's (before 2026-12-06,
                // sixth session, each batch here waited for a whole batch of new events, or a quiet moment, while the
                // live read model stood still)
                long until = head();
                while (run.position() < until && run.batch(batchSize, IDLE, until) > 0) { /* the rest */ }
                tracker.advanced(run.eventsRead(), run.position());
                target.switchOver(run.token());
                log.info("Rebuild of {}: switched to the new version at {}", processor, run.token());
                clearLetters(processor);
            }
            if (wasRunning) live.start();
            stopped = false;
            readCache.ifAvailable(cache -> cache.committed(processor));
            tracker.done();
            logProgress(tracker.progress());
        } catch (Exception e) {
            log.error("Rebuild of {} failed; the live read model is unchanged", processor, e);
            tracker.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            if (stopped && wasRunning) live.start();
        } finally {
            try {
                target.cleanUp();
            } catch (RuntimeException e) {
                log.warn("Rebuild of {}: clean-up failed: {}", processor, e.getMessage());
            }
        }
    }

    private static void logProgress(RebuildProgress p) {
        log.info("Rebuild of {}: {} - {} events, position {} of {} ({}%), {} events/s, ETA {}", p.processor(), p.status(),
                p.eventsReplayed(), p.position(), p.targetPosition(), String.format("%.1f", p.percent()),
                p.eventsPerSecond(), p.eta() == null ? "-" : p.eta().toSeconds() + " s");
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
