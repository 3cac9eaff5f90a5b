package dev.stoa.app.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads events as the event store holds them: {@link JdbcStoredEvents} from Axon's JPA/JDBC tables,
 * {@link AxonServerStoredEvents} through Axon Server's event stream.
 */
public interface StoredEvents {
    /** The event at this global position, if one is stored there. */
    Optional<StoredEvent> at(long position);

    /** The events at these positions (in position order; absent ones left out). */
    List<StoredEvent> at(List<Long> positions);

    /** Every event from {@code fromInclusive} to {@code toInclusive}, in position order, without holding them all. */
    void forEach(long fromInclusive, long toInclusive, Consumer<StoredEvent> action);

    /** The stored form of {@code message}, which a processor received at {@code position}. */
    StoredEvent asStored(org.axonframework.eventhandling.EventMessage<?> message, long position);

    /** The newest position, -1 for an empty store. */
    long head();
}
