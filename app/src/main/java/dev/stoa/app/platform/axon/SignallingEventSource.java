package dev.stoa.app.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event source of every streaming processor: the event store, with streams that say when events are
 * available. The JPA-backed store's streams cannot, so Axon's pooled processors fall back to polling every
 * 500 ms, and every write waited that long for its read models. Here a {@link StoreWatcher} wakes the processors
 * as soon as the store has read new events (its own commits at once, other processes' when the store polls
 * for them), and at least every {@link #TICK}. A store whose streams signal themselves (Axon Server) is left to
 * do so, and no watcher starts.
 */
public final class SignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
    static final Duration TICK = Duration.ofMillis(500);
    private final EventStore store;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final Thread watcher;
    private final AtomicBoolean watching = new AtomicBoolean();

    public SignallingEventSource(EventStore store) {
        this.store = store;
        this.watcher = Thread.ofPlatform().name("stoa-event-watcher").daemon().unstarted(
                new StoreWatcher(store, this::notifyNow, TICK.toMillis()));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new SignallingStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() { return store.createTailToken(); }

    @Override
    public TrackingToken createHeadToken() { return store.createHeadToken(); }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) { return store.createTokenAt(dateTime); }

    @Override
    public TrackingToken createTokenSince(Duration duration) { return store.createTokenSince(duration); }

    private void notifyNow() { callbacks.forEach(Runnable::run); }

    @Override
    public void close() { watcher.interrupt(); }

    /** The store's stream, plus an availability callback when the store's own stream has none. */
    private final class SignallingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        SignallingStream(BlockingStream<TrackedEventMessage<?>> delegate) { this.delegate = delegate; }

        @Override
        public Optional<TrackedEventMessage<?>> peek() { return delegate.peek(); }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException { return delegate.nextAvailable(); }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            if (delegate.setOnAvailableCallback(onAvailable)) return true;
            callback = onAvailable;
            callbacks.add(onAvailable);
            if (watching.compareAndSet(false, true)) watcher.start(); // the first stream that cannot signal itself
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) callbacks.remove(registered);
            delegate.close();
        }
    }
}
