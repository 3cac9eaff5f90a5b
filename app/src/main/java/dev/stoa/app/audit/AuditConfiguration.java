package dev.stoa.app.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** How the audit reads the event store: its tables with the JPA store, its stream with Axon Server. */
@Configuration
class AuditConfiguration {

    @Bean
    StoredEvents storedEvents(@Value("${axon.axonserver.enabled:false}") boolean axonServer, JdbcTemplate jdbc, EventStore store,
                              @Qualifier("eventSerializer") Serializer serializer) {
        return axonServer ? new AxonServerStoredEvents(store, serializer) : new JdbcStoredEvents(jdbc);
    }
}
