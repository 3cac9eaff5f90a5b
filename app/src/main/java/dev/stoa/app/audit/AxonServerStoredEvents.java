package dev.stoa.app.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/**
 * Events read through Axon Server's event stream (its files are not ours to read). Payload and metadata are the
 * serialized forms Axon hands out, which for a message read from the store are the stored bytes when no upcaster
 * applies to it. Reading a position means streaming from it; Axon Server has no gaps, so positions are in order.
 */
class AxonServerStoredEvents implements StoredEvents {
    private final EventStore store;
    private final Serializer serializer;

    AxonServerStoredEvents(EventStore store, Serializer serializer) {
        this.store = store;
        this.serializer = serializer;
    }

    static StoredEvent of(EventMessage<?> message, long position, Serializer serializer) {
        String aggregateType = null, aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        SerializedType type = serializer.typeForClass(message.getPayloadType());
        return new StoredEvent(position, message.getIdentifier(), aggregateType, aggregateId, sequence,
                message.getTimestamp().toString(), type.getName(), type.getRevision(),
                message.serializePayload(serializer, byte[].class).getData(),
                message.serializeMetaData(serializer, byte[].class).getData());
    }

    @Override
    public StoredEvent asStored(EventMessage<?> message, long position) { return of(message, position, serializer); }

    @Override
    public List<StoredEvent> at(List<Long> positions) {
        if (positions.isEmpty()) return List.of();
        Set<Long> wanted = new HashSet<>(positions);
        long from = positions.stream().mapToLong(Long::longValue).min().orElseThrow();
        long to = positions.stream().mapToLong(Long::longValue).max().orElseThrow();
        List<StoredEvent> events = new ArrayList<>();
        forEach(from, to, e -> { if (wanted.contains(e.position())) events.add(e); });
        return events;
    }

    private void forEach(long fromInclusive, long toInclusive, Consumer<StoredEvent> action) {
        // up to the head at most: past it the stream would only wait (10 s) for events that are not there yet
        long last = Math.min(toInclusive, head());
        if (last < fromInclusive) return;
        TrackingToken start = fromInclusive <= 0 ? null : new GlobalSequenceTrackingToken(fromInclusive - 1);
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(start)) {
            while (stream.hasNextAvailable(10, TimeUnit.SECONDS)) { // the rest up to the head is on its way
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = message.trackingToken().position().orElse(-1);
                if (position > last) return;
                if (position >= fromInclusive) action.accept(of(message, position, serializer));
                if (position == last) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event stream", e);
        }
    }

    @Override
    public long head() {
        TrackingToken head = store.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
