package dev.stoa.app.audit;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.springframework.stereotype.Component;

/**
 * Rebuilds one aggregate as it stood at an instant: its events from sequence 0 (never a snapshot, which would hold a
 * later state), up to the last one stored at or before the instant, applied to a fresh instance by Axon's own
 * aggregate model, exactly as the repository loads it: the aggregate's {@code @EventSourcingHandler}s are the only
 * rules involved. Events are read lazily and reading stops at the first one after the instant. Works with any
 * {@link EventStore} (the JPA store or Axon Server).
 */
@Component
class AggregateRebuilder {
    /** The rebuilt instance and where in its stream it stands. */
    record Rebuilt(Object root, long sequence, long version, Instant lastEventAt, long eventsApplied) {}

    private final EventStore events;

    AggregateRebuilder(EventStore events) { this.events = events; }

    /**
     * {@code aggregateId} of {@code type} at {@code asOf}: 404 when it has no events, when they belong to another
     * aggregate type, or when its first event is later than {@code asOf}.
     */
    Rebuilt rebuild(AggregateTypes.Type type, String aggregateId, Instant asOf) {
        DomainEventStream stored = events.readEvents(aggregateId, 0);
        if (!stored.hasNext()) throw DomainException.notFound(type.name() + " " + aggregateId);
        DomainEventMessage<?> first = stored.peek();
        if (!type.storedName().equals(first.getType()))
            throw DomainException.notFound(type.name() + " " + aggregateId);
        if (first.getTimestamp().isAfter(asOf))
            throw new DomainException(ErrorCode.NOT_FOUND_CODE, type.name() + " " + aggregateId + " did not exist yet at "
                    + asOf + ": its first event is at " + first.getTimestamp());
        AtomicLong applied = new AtomicLong();
        AtomicReference<DomainEventMessage<?>> last = new AtomicReference<>();
        DomainEventStream upToAsOf = DomainEventStream.of(stored.asStream()
                .takeWhile(event -> !event.getTimestamp().isAfter(asOf))
                .peek(event -> {
                    applied.incrementAndGet();
                    last.set(event);
                }), () -> last.get() == null ? null : last.get().getSequenceNumber());
        EventSourcedAggregate<?> aggregate = initialize(type, aggregateId, first);
        aggregate.initializeState(upToAsOf);
        DomainEventMessage<?> lastApplied = last.get();
        Long version = aggregate.version();
        return new Rebuilt(aggregate.getAggregateRoot(), lastApplied.getSequenceNumber(),
                version == null ? lastApplied.getSequenceNumber() : version, lastApplied.getTimestamp(), applied.get());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EventSourcedAggregate<?> initialize(AggregateTypes.Type type, String aggregateId,
                                                       DomainEventMessage<?> first) {
        Object root = type.module().aggregateFactory().createAggregateRoot(aggregateId, first);
        // a bus of its own: nothing is published while the state is initialised, and nothing may reach the real one
        return EventSourcedAggregate.initialize(root, (AggregateModel) type.model(), SimpleEventBus.builder().build(),
                NoSnapshotTriggerDefinition.TRIGGER);
    }
}
