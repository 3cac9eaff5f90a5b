package dev.stoa.app.platform.axon;

import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that tails the event store and runs {@code onAvailable} as soon as the store's shared reader has
 * new events: Axon's embedded store wakes that reader at each commit in this process (and polls it for other
 * processes' events), then wakes the streams blocked on it, like this one. Waking the processors then, instead
 * of at the commit, finds the events already there: a wake-up at the commit often came before the reader had
 * fetched, and the processors slept until the next one. The events themselves are skipped unread (their
 * payloads stay serialized); at most every {@code tick} it wakes the processors anyway.
 */
final class StoreWatcher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(StoreWatcher.class);
    private final EventStore store;
    private final Runnable onAvailable;
    private final long tickMillis;

    StoreWatcher(EventStore store, Runnable onAvailable, long tickMillis) {
        this.store = store;
        this.onAvailable = onAvailable;
        this.tickMillis = tickMillis;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
                while (!Thread.currentThread().isInterrupted()) {
                    if (stream.hasNextAvailable((int) tickMillis, TimeUnit.MILLISECONDS)) {
                        while (stream.hasNextAvailable()) stream.nextAvailable();
                    }
                    onAvailable.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) { // the store cannot be read now: tick on, and try again
                log.debug("Cannot tail the event store; retrying", e);
                onAvailable.run();
                try {
                    Thread.sleep(tickMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
