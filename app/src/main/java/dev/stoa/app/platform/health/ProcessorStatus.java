package dev.stoa.app.platform.health;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Where each streaming processor (read model, search index) is, against the head of the event store. */
@Component
public class ProcessorStatus {
    /** One processor: running, in error, its slowest segment's position, and how far behind the head that is. */
    public record Snapshot(String name, boolean running, boolean error, int segments, long position, long lag) {}

    private final EventStore eventStore;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    public ProcessorStatus(EventStore eventStore, ObjectProvider<EventProcessingConfiguration> processing) {
        this.eventStore = eventStore;
        this.processing = processing;
    }

    public long head() {
        var token = eventStore.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** The head, or -1 while the event store cannot be reached (metrics and status must not fail then). */
    public long headOrUnknown() {
        try {
            return head();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Events parked in the processor's dead-letter queue, or -1 when unknown (no queue, database unreachable). */
    public long deadLetters(String name) {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) return -1;
        try {
            // a processor without a queue (the audit log, which never parks) has no letter: 0, not -1 ("unknown")
            if (config.sequencedDeadLetterProcessor(name).isEmpty()) return 0;
            return config.deadLetterQueue(name).map(queue -> queue.size()).orElse(0L);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** One processor's snapshot (null if there is no such streaming processor), for a metric read alone. */
    public Snapshot one(String name) {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) return null;
        return config.eventProcessor(name, StreamingEventProcessor.class).map(p -> snapshot(p, headOrUnknown())).orElse(null);
    }

    public Map<String, Snapshot> all() {
        Map<String, Snapshot> result = new LinkedHashMap<>();
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) return result;
        long head = headOrUnknown();
        config.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .forEach(p -> result.put(p.getName(), snapshot(p, head)));
        return result;
    }

    private static Snapshot snapshot(StreamingEventProcessor p, long head) {
        Map<Integer, EventTrackerStatus> status = p.processingStatus();
        long position = status.values().stream().map(s -> s.getCurrentPosition())
                .mapToLong(pos -> pos.orElse(-1)).min().orElse(-1);
        boolean error = p.isError() || status.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        long lag = head < 0 ? 0 : Math.max(0, head - position);
        return new Snapshot(p.getName(), p.isRunning(), error, status.size(), position, lag);
    }

}
