package dev.stoa.app.support;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Where the event store's head and each streaming processor are, read from Axon itself, for tests that wait. */
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

    public void awaitPosition(String name, long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (position(name) < position) {
            if (System.nanoTime() > deadline)
                throw new AssertionError(name + " is at " + position(name) + ", not yet at " + position);
            Thread.sleep(50);
        }
    }
}
