package dev.stoa.app.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import static dev.stoa.api.platform.MetadataKeys.CORRELATION_ID;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Axon on an in-memory event store with three pooled processors, wired for read-your-writes as the app wires
 * it ({@link ReadYourWritesConfiguration}): "users" handles {@link UserChanged}; "products" handles
 * {@link ProductChanged} and blocks until {@link #releaseProducts()}; "failing" throws on {@link PriceChanged}.
 */
final class InMemoryAxon implements AutoCloseable {
    record UserChanged(String id) {}

    record ProductChanged(String id) {}

    record PriceChanged(String id) {}

    final WrittenEvents written = new WrittenEvents();
    final ProcessorProgress progress = new ProcessorProgress(written,
            new StaticListableBeanFactory().getBeanProvider(dev.stoa.query.platform.ReadCache.class));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch products = new CountDownLatch(1);
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    final Configuration axon;

    InMemoryAxon() {
        axon = DefaultConfigurer.defaultConfiguration(false) // no Axon Server connector
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(ep -> ep.usingPooledStreamingEventProcessors()
                        .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                        .registerDefaultHandlerInterceptor((c, name) -> progress.interceptor(name))
                        .registerEventHandler(c -> new Users())
                        .registerEventHandler(c -> new Products())
                        .registerEventHandler(c -> new Failing()))
                .buildConfiguration();
        axon.eventStore().registerDispatchInterceptor(written.eventDispatch());
        axon.start();
        for (String name : new String[] {"users", "products", "failing"}) awaitAllClaimed(name);
    }

    EventStore store() { return axon.eventStore(); }

    StreamingEventProcessor processor(String name) {
        return axon.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    void releaseProducts() { products.countDown(); }

    /** Publishes these payloads as one HTTP write would (each an event of the aggregate named by its id). */
    Write write(Record... payloads) {
        Write write = written.begin();
        String correlation = UUID.randomUUID().toString(); // as StoaCorrelationDataProvider gives a request's events
        try {
            for (Record payload : payloads) {
                String id = payload.toString();
                long sequence = sequences.merge(id, 1L, Long::sum) - 1;
                store().publish(new GenericDomainEventMessage<>("Test", id, sequence, payload, Map.of(CORRELATION_ID, correlation)));
            }
        } finally {
            written.detach();
        }
        return write;
    }

    PositionGate positionGate(TokenPositions tokens, StoredPositions stored) {
        return new PositionGate(provider(EventProcessingConfiguration.class, axon.eventProcessingConfiguration()), tokens,
                new WriteAtPosition(store()), progress, stored);
    }

    ProjectionGate gate() {
        return new ProjectionGate(store(), provider(EventProcessingConfiguration.class, axon.eventProcessingConfiguration()),
                null, null, provider(MeterRegistry.class, meters));
    }

    static <T> ObjectProvider<T> provider(Class<T> type, T bean) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean(type.getSimpleName(), bean);
        return beans.getBeanProvider(type);
    }

    /**
     * Until the processor holds every segment its token store knows: a pooled processor claims them over several
     * coordinator rounds, and a test that starts writing after the first claim would find some events' segments
     * unclaimed (the gate then rightly answers "unavailable") on a busy machine.
     */
    private void awaitAllClaimed(String name) {
        StreamingEventProcessor processor = processor(name);
        awaitTrue(() -> {
            int known = axon.eventProcessingConfiguration().tokenStore(name).fetchSegments(name).length;
            return known > 0 && processor.processingStatus().size() == known;
        }, name + " did not claim all its segments");
    }

    /** Waits for a state (not a timing): fails only if it never comes. */
    static void awaitTrue(java.util.function.BooleanSupplier state, String failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!state.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(failure);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        releaseProducts();
        axon.shutdown();
    }

    @ProcessingGroup("users")
    static final class Users {
        @EventHandler
        void on(UserChanged e) {}
    }

    @ProcessingGroup("products")
    final class Products {
        @EventHandler
        void on(ProductChanged e) throws InterruptedException { products.await(); }
    }

    @ProcessingGroup("failing")
    static final class Failing {
        @EventHandler
        void on(PriceChanged e) { throw new IllegalStateException("a poison event"); }
    }
}
