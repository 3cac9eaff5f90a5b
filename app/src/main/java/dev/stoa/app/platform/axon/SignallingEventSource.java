package dev.stoa.app.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event source of every streaming processor: the event store, with streams that say when events are
 * available. The JPA-backed store's streams cannot, so Axon's pooled processors fall back to polling every
 * 500 ms, and every write waited that long for its read models. Here a commit in this process signals the
 * processors at once (and twice shortly after, as the store's shared reader may still be fetching); a tick
 * every {@link #TICK} covers events written by other processes; a store whose streams signal themselves
 * (Axon Server) is left to do so.
 */
public final class SignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
    static final Duration TICK = Duration.ofMillis(500);
    private static final long[] SIGNAL_DELAYS_MS = {0, 25, 100};
    private final EventStore store;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean[] pending = java.util.stream.Stream.generate(AtomicBoolean::new)
            .limit(SIGNAL_DELAYS_MS.length).toArray(AtomicBoolean[]::new);
    private final ScheduledExecutorService signals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stoa-event-signals");
        thread.setDaemon(true);
        return thread;
    });

    public SignallingEventSource(EventStore store) {
        this.store = store;
        store.registerDispatchInterceptor(new CommitSignal());
        signals.scheduleWithFixedDelay(this::notifyNow, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
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

    /**
     * Schedules the wake-ups of one commit, joining those still pending: under load commits come every few
     * milliseconds, and one wake-up per delay at a time is enough (a commit after a wake-up started schedules
     * the next), where one per commit woke every processor's coordinator three times per write.
     */
    void signal() {
        for (int i = 0; i < SIGNAL_DELAYS_MS.length; i++) {
            AtomicBoolean pending = this.pending[i];
            if (pending.compareAndSet(false, true)) signals.schedule(() -> {
                pending.set(false);
                notifyNow();
            }, SIGNAL_DELAYS_MS[i], TimeUnit.MILLISECONDS);
        }
    }

    private void notifyNow() { callbacks.forEach(Runnable::run); }

    @Override
    public void close() { signals.shutdownNow(); }

    /** Signals once the unit of work that published events has committed them. */
    private final class CommitSignal implements MessageDispatchInterceptor<EventMessage<?>> {
        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            if (CurrentUnitOfWork.isStarted()) CurrentUnitOfWork.get().root().afterCommit(u -> signal());
            else signal();
            return (index, message) -> message;
        }
    }

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
