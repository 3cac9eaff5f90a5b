package dev.stoa.app.platform.axon;

import static dev.stoa.api.platform.MetadataKeys.CORRELATION_ID;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The events of the write whose last event sits at a given position: what {@code X-Stoa-Min-Position} names.
 * A write's events share its request's correlation id and lie close together in the log (other writers'
 * events may interleave), so the last {@link #WINDOW} events up to the position are read once, and those of
 * the same correlation kept. Positions never change what they hold, so answers are cached.
 */
@Component
public class WriteAtPosition {
    /** How far back a write's first event may lie behind its last; concurrent writers interleave their events. */
    static final int WINDOW = 64;
    private static final int CACHED = 512;
    private final EventStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, List<TrackedEventMessage<?>>> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<TrackedEventMessage<?>>> eldest) { return size() > CACHED; }
    };

    public WriteAtPosition(EventStore store) { this.store = store; }

    /**
     * @param head the event store's head token, whose type tells how this store's tokens look
     * @return the write's events, oldest first; empty if no event sits at {@code position}
     */
    public List<TrackedEventMessage<?>> eventsEndingAt(long position, TrackingToken head) {
        List<TrackedEventMessage<?>> known = cached(position);
        if (known != null) return known;
        List<TrackedEventMessage<?>> window = read(position, head);
        TrackedEventMessage<?> last = window.isEmpty() ? null : window.getLast();
        if (last == null || last.trackingToken().position().orElse(-1) != position) return List.of();
        Object correlation = last.getMetaData().get(CORRELATION_ID);
        List<TrackedEventMessage<?>> events = correlation == null ? List.of(last) : window.stream()
                .filter(e -> Objects.equals(correlation, e.getMetaData().get(CORRELATION_ID))).toList();
        lock.lock();
        try {
            cache.put(position, events);
        } finally {
            lock.unlock();
        }
        return events;
    }

    private List<TrackedEventMessage<?>> cached(long position) {
        lock.lock();
        try {
            return cache.get(position);
        } finally {
            lock.unlock();
        }
    }

    /** A token from which a stream starts right after {@code after}, of the kind {@code head} shows this store uses. */
    static TrackingToken after(long after, TrackingToken head) {
        return after < 0 ? null : head instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(after, List.of()) : new GlobalSequenceTrackingToken(after);
    }

    private List<TrackedEventMessage<?>> read(long position, TrackingToken head) {
        TrackingToken start = after(position - WINDOW - 1, head);
        List<TrackedEventMessage<?>> window = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(start)) {
            while (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                long at = event.trackingToken().position().orElse(-1);
                if (at > position) break;
                window.add(event);
                if (at == position) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return window;
    }
}
