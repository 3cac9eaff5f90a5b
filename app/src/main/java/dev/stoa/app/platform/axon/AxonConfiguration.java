package dev.stoa.app.platform.axon;

import dev.stoa.command.platform.StoaCorrelationDataProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon wiring shared by both sides: metadata on every message, refusals that cross processes, no lost events. */
@Configuration
public class AxonConfiguration {

    /** Replaces Axon's MessageOriginProvider: userId, correlationId, causationId, idempotencyKey. */
    @Bean
    public CorrelationDataProvider stoaCorrelationDataProvider() { return new StoaCorrelationDataProvider(); }

    /**
     * Aggregates stay in memory between commands (a product with thousands of stock events loads in
     * microseconds, not by replaying them); weak references let the GC take what is not in use.
     */
    /** The source of every streaming processor (see {@code source:} in application.yml). */
    @Bean(destroyMethod = "close")
    public SignallingEventSource signallingEventSource(org.axonframework.eventsourcing.eventstore.EventStore eventStore) {
        return new SignallingEventSource(eventStore);
    }

    @Bean
    public Cache aggregateCache() { return new WeakReferenceCache(); }
}
