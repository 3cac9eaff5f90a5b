package dev.stoa.app.audit;

import java.util.List;

/**
 * Reads events as the event store holds them: {@link JdbcStoredEvents} from Axon's JPA/JDBC tables,
 * {@link AxonServerStoredEvents} through Axon Server's event stream.
 */
public interface StoredEvents {
    /** The events at these positions (in position order; absent ones left out). */
    List<StoredEvent> at(List<Long> positions);

    /** The stored form of {@code message}, which a processor received at {@code position}. */
    StoredEvent asStored(org.axonframework.eventhandling.EventMessage<?> message, long position);

    /** The newest position, -1 for an empty store. */
    long head();
}
