package dev.stoa.app.platform.axon;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: finds the event-store position a write produced and waits, bounded, until every
 * streaming processor in this process (every read model and the search index) has handled it.
 */
@Component
public class ProjectionGate {
    private final EventStore eventStore;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final TokenStore tokenStore;
    private final NamedParameterJdbcTemplate jdbc;

    public ProjectionGate(EventStore eventStore, ObjectProvider<EventProcessingConfiguration> processing,
                          TokenStore tokenStore, NamedParameterJdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
    }

    /** The global index of the last of these events, or the head of the event store if unknown. */
    public OptionalLong positionOf(List<String> eventIds) {
        if (!eventIds.isEmpty() && eventStore.getClass().getSimpleName().equals("EmbeddedEventStore")) {
            Long max = jdbc.queryForObject("select max(global_index) from domain_event_entry where event_identifier in (:ids)",
                    Map.of("ids", eventIds), Long.class);
            if (max != null) return OptionalLong.of(max);
        }
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    /**
     * @return true if all processors passed {@code position} within {@code timeout}. The processors' segments
     * are read from the token store once per wait; the polling itself only looks at in-memory status.
     */
    public boolean await(long position, Duration timeout) throws InterruptedException {
        Map<StreamingEventProcessor, int[]> segments = runningProcessorSegments();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allPassed(position, segments)) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    private Map<StreamingEventProcessor, int[]> runningProcessorSegments() {
        Map<StreamingEventProcessor, int[]> segments = new java.util.LinkedHashMap<>();
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) return segments;
        for (var processor : config.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning())
                segments.put(streaming, tokenStore.fetchSegments(streaming.getName()));
        }
        return segments;
    }

    private static boolean allPassed(long position, Map<StreamingEventProcessor, int[]> segments) {
        TrackingToken target = GapAwareTrackingToken.newInstance(position, List.of());
        for (var entry : segments.entrySet()) {
            Map<Integer, EventTrackerStatus> status = entry.getKey().processingStatus();
            for (int segment : entry.getValue()) {
                EventTrackerStatus s = status.get(segment);
                if (s == null || !passed(s.getTrackingToken(), target, position)) return false;
            }
        }
        return true;
    }

    private static boolean passed(TrackingToken token, TrackingToken target, long position) {
        if (token == null) return false;
        if (token instanceof GapAwareTrackingToken) return token.covers(target);
        return token.position().orElse(-1) >= position;
    }
}
