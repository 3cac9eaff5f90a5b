package dev.stoa.app.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Where the event store's head and each streaming processor are, read from Axon itself. A processor's position is its
 * token's index, which says nothing of the gaps it passed: to wait until it has handled every event up to a position,
 * ask {@code PositionGate.awaitProcessor}.
 */
public final class Processors {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public Processors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public StreamingEventProcessor get(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** The position of the processor's slowest segment; -1 while it has none claimed. */
    public long position(String name) {
        return get(name).processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1)).min().orElse(-1);
    }
}
