package dev.stoa.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * Feeds events to a projection the way a streaming processor does: tracked messages with global positions, one
 * batching unit of work per batch, through Axon's own annotation adapter (so parameter resolution is real too).
 */
public final class EventBatch {
    private final AnnotationEventHandlerAdapter adapter;
    private final List<TrackedEventMessage<?>> messages = new ArrayList<>();

    private EventBatch(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    public static EventBatch to(Object projection) { return new EventBatch(projection); }

    /** Adds an event at a global position, stamped now. */
    public EventBatch at(long position, Object payload) { return at(position, payload, Instant.now()); }

    public EventBatch at(long position, Object payload, Instant timestamp) {
        var event = new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), timestamp);
        messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), event));
        return this;
    }

    /** Adds an event of an aggregate's stream (a domain event: {@code @SourceId} and the like resolve). */
    public EventBatch at(long position, String aggregateType, String aggregateId, long sequence, Object payload,
                         Instant timestamp) {
        var event = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), timestamp);
        messages.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), event));
        return this;
    }

    /** Handles the events in one unit of work and commits it; rethrows what failed, as the processor would see. */
    public void handle() throws Throwable {
        var unitOfWork = new BatchingUnitOfWork<>(List.copyOf(messages));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
        if (result.isExceptional()) throw result.exceptionResult();
    }
}
