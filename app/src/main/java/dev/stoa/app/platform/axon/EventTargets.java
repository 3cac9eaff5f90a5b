package dev.stoa.app.platform.axon;

import dev.stoa.app.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.modelling.saga.AbstractSagaManager;

/**
 * Which streaming processors handle an event, and which of their segments does. Asks each processor's own
 * handlers ({@code canHandleType}) and sequencing policy, the same questions the processor asks when the event
 * reaches it, so a processor that would skip the event is never waited for. The payload type alone decides
 * "handles" (not {@code canHandle(event, segment)}): handlers that take a {@code TrackingToken} match only
 * tracked messages, and a write's events are not tracked yet.
 */
final class EventTargets {
    private EventTargets() {}

    /** The streaming processors among {@code processors} that handle {@code event}'s payload type. */
    static List<StreamingEventProcessor> handlersOf(Map<String, EventProcessor> processors, EventMessage<?> event) {
        return processors.values().stream()
                .filter(EventTargets::buildsReadModels)
                .filter(p -> p instanceof StreamingEventProcessor && p instanceof AbstractEventProcessor)
                .filter(p -> handles(((AbstractEventProcessor) p).eventHandlerInvoker(), event))
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /**
     * {@link #handlersOf}, kept per payload type with the processors it was found among: the answer depends on the type
     * alone, and asking every processor's every handler again for each event of each write cost about 5 % of the app's
     * CPU in a product write (JFR, 2026-12-06). Found again when the processors are not the same instances. One per
     * gate (a bean), so that nothing outlives its application context.
     */
    static final class Handlers {
        private record Found(Map<String, EventProcessor> among, List<String> names) {}

        private final Map<Class<?>, Found> byType = new ConcurrentHashMap<>();

        List<StreamingEventProcessor> of(Map<String, EventProcessor> processors, EventMessage<?> event) {
            Found found = byType.get(event.getPayloadType());
            if (found == null || !same(found.among(), processors)) {
                found = new Found(Map.copyOf(processors),
                        handlersOf(processors, event).stream().map(EventProcessor::getName).toList());
                byType.put(event.getPayloadType(), found);
            }
            List<StreamingEventProcessor> handlers = new ArrayList<>(found.names().size());
            for (String name : found.names()) handlers.add((StreamingEventProcessor) processors.get(name));
            return handlers;
        }

        /** The same processor instances under the same names (Axon hands out a new map on every call). */
        private static boolean same(Map<String, EventProcessor> a, Map<String, EventProcessor> b) {
            if (a.size() != b.size()) return false;
            for (Map.Entry<String, EventProcessor> e : b.entrySet()) if (a.get(e.getKey()) != e.getValue()) return false;
            return true;
        }
    }

    /** Whether the processor builds read models (projections, the search index) rather than running a saga. */
    static boolean buildsReadModels(EventProcessor processor) {
        if (AuditLog.PROCESSOR.equals(processor.getName())) return false; // a ledger of every event nobody reads back
        return !(processor instanceof AbstractEventProcessor p && isSaga(p.eventHandlerInvoker()));
    }

    /** A saga manager, also inside the {@link MultiEventHandlerInvoker} Axon wraps every processor's invokers in. */
    private static boolean isSaga(EventHandlerInvoker invoker) {
        if (invoker instanceof AbstractSagaManager<?>) return true;
        return invoker instanceof MultiEventHandlerInvoker multi && !multi.delegates().isEmpty()
                && multi.delegates().stream().allMatch(EventTargets::isSaga);
    }

    /** Whether the processor can make progress here at all: running and not in error. */
    static boolean available(StreamingEventProcessor processor) {
        return processor.isRunning() && !processor.isError();
    }

    /** The status of the segment of {@code processor} that handles {@code event}, if this process has claimed it. */
    static Optional<EventTrackerStatus> localSegment(StreamingEventProcessor processor, EventMessage<?> event) {
        return processor.processingStatus().values().stream()
                .filter(status -> matches(processor, event, status.getSegment()))
                .findFirst();
    }

    /** Whether {@code segment} of {@code processor} is the one that handles {@code event}. */
    static boolean matches(StreamingEventProcessor processor, EventMessage<?> event, Segment segment) {
        return !(processor instanceof AbstractEventProcessor p) || matches(p.eventHandlerInvoker(), event, segment);
    }

    /**
     * Read models and the search index handle the event; a saga does not count: it is no read model, and what it does
     * (commands to other aggregates) are writes of their own, which nobody reads through the saga. Axon's saga manager
     * also claims every event type, so waiting for it would make every write wait for every saga processor.
     */
    private static boolean handles(EventHandlerInvoker invoker, EventMessage<?> event) {
        return !isSaga(invoker) && handlesType(invoker, event.getPayloadType());
    }

    private static boolean handlesType(EventHandlerInvoker invoker, Class<?> payloadType) {
        try {
            return invoker.canHandleType(payloadType);
        } catch (RuntimeException e) {
            return true; // when in doubt, wait: a wrong "consistent" is worse than a slower answer
        }
    }

    private static boolean matches(EventHandlerInvoker invoker, EventMessage<?> event, Segment segment) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream()
                    .filter(d -> handlesType(d, event.getPayloadType()))
                    .anyMatch(d -> matches(d, event, segment));
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            // as SimpleEventHandlerInvoker.sequenceIdentifier: the policy's answer, or the event's own id
            Object sequence = simple.getSequencingPolicy().getSequenceIdentifierFor(event);
            return segment.matches(Objects.hashCode(sequence != null ? sequence : event.getIdentifier()));
        }
        return true; // an invoker we cannot see into: any of its segments may handle the event
    }
}
