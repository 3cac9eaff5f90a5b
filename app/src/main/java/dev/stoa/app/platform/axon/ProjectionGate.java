package dev.stoa.app.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a write waits, bounded, until the processors of this process that handle its events have
 * committed them (an identity write never waits for the search index), and not at all when one of them cannot
 * get there from here (stopped, in error, or its segment for the event claimed by no one here), nor when a
 * command ran in another process (its events are unknown here). Each decision is timed in
 * {@code stoa.read-your-writes} by processor and outcome: how long writes wait, and for whom.
 */
@Component
public class ProjectionGate {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProjectionGate.class);
    /** Who a write waits for, and who it cannot wait for (then it answers pending at once). */
    public record Plan(Map<String, Set<String>> required, Set<String> awaited, Set<String> unavailable, boolean unknownEvents) {
        public boolean canWait() { return unavailable.isEmpty() && !unknownEvents; }
    }

    private final EventStore eventStore;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final NamedParameterJdbcTemplate jdbc;
    private final EventTargets.Handlers handlers = new EventTargets.Handlers();
    private final PositionGate positions;
    private final ObjectProvider<MeterRegistry> meters;

    public ProjectionGate(EventStore eventStore, ObjectProvider<EventProcessingConfiguration> processing,
                          NamedParameterJdbcTemplate jdbc, PositionGate positions, ObjectProvider<MeterRegistry> meters) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.jdbc = jdbc;
        this.positions = positions;
        this.meters = meters;
    }

    /**
     * The global index of the last of these events, or the head of the event store if unknown. The PostgreSQL store is
     * asked by the events' ids; Axon Server by reading the newest {@link #LOOKBACK} events of the log, where a write
     * just appended lies. The head instead would name another writer's events when one committed in between, and a
     * read sent with it ({@code X-Stoa-Min-Position}, read-your-writes across processes) would wait for their
     * processors, not this write's.
     */
    public OptionalLong positionOf(List<String> eventIds) {
        if (!eventIds.isEmpty()) {
            OptionalLong exact = jdbc != null && eventStore.getClass().getSimpleName().equals("EmbeddedEventStore")
                    ? fromTable(eventIds) : fromLog(eventIds);
            if (exact.isPresent()) return exact;
        }
        return headPosition();
    }

    /** How far back from the head the log is read for a write's events (other writers' may follow them). */
    static final int LOOKBACK = 256;

    private OptionalLong fromTable(List<String> eventIds) {
        Long max = jdbc.queryForObject("select max(global_index) from domain_event_entry where event_identifier in (:ids)",
                Map.of("ids", eventIds), Long.class);
        return max == null ? OptionalLong.empty() : OptionalLong.of(max);
    }

    /** The position of the last of these events among the newest {@link #LOOKBACK} of the log; empty if not all are. */
    OptionalLong fromLog(List<String> eventIds) {
        TrackingToken head = head();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        if (headPosition < 0) return OptionalLong.empty();
        Set<String> wanted = new java.util.HashSet<>(eventIds);
        long last = -1;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(WriteAtPosition.after(headPosition - LOOKBACK - 1, head))) {
            while (!wanted.isEmpty() && stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                long at = event.trackingToken().position().orElse(-1);
                if (wanted.remove(event.getIdentifier())) last = Math.max(last, at);
                if (at >= headPosition) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return wanted.isEmpty() && last >= 0 ? OptionalLong.of(last) : OptionalLong.empty();
    }

    /** The write's position: told by the processors' receipts when they have them all, else looked up. */
    public OptionalLong positionOf(Write write) {
        OptionalLong known = write.knownPosition();
        return known.isPresent() ? known : positionOf(write.events().stream().map(EventMessage::getIdentifier).toList());
    }

    public Plan plan(Write write) {
        Map<String, Set<String>> required = new HashMap<>();
        Set<String> awaited = new TreeSet<>();
        Set<String> unavailable = new TreeSet<>();
        EventProcessingConfiguration config = processing.getIfAvailable();
        Map<String, EventProcessor> processors = config == null ? Map.of() : config.eventProcessors();
        for (EventMessage<?> event : write.events()) {
            if (config == null) break;
            for (StreamingEventProcessor p : handlers.of(processors, event)) {
                boolean reachable = EventTargets.available(p) && EventTargets.localSegment(p, event)
                        .filter(status -> !status.isErrorState()).isPresent();
                (reachable ? awaited : unavailable).add(p.getName());
                if (reachable) required.computeIfAbsent(event.getIdentifier(), id -> new TreeSet<>()).add(p.getName());
            }
        }
        awaited.removeAll(unavailable);
        return new Plan(required, awaited, unavailable, !write.allCommandsHandledHere());
    }

    /** @return true if every processor the write needs here has committed its events within {@code timeout}. */
    public boolean awaitWrite(Write write, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        Set<String> awaited = new TreeSet<>();
        Plan plan;
        int planned = -1;
        boolean consistent;
        do {
            // the events a processor's completing command added while the write waited (a review withdrawn by the
            // cancellation it handled): the write waits for them too, as they were there when the plan was made
            planned = write.events().size();
            plan = plan(write);
            plan.unavailable().forEach(p -> record(p, "unavailable", 0));
            if (!plan.canWait()) {
                log.debug("Write answered pending: unavailable here {}, events of another process {}",
                        plan.unavailable(), plan.unknownEvents());
                return false;
            }
            awaited.addAll(plan.awaited());
            consistent = write.await(plan.required(), start + timeout.toNanos());
        } while (consistent && write.events().size() != planned);
        Set<String> late = consistent ? Set.of() : write.missing(plan.required());
        if (!consistent) log.debug("Write answered pending after {}: {} had not committed its events", timeout, late);
        for (String p : awaited) {
            long waited = late.contains(p) ? System.nanoTime() - start : write.lastReceipt(p).orElse(start) - start;
            record(p, late.contains(p) ? "pending" : "consistent", Math.max(0, waited));
        }
        return consistent;
    }

    /** The newest event's token (null for an empty store). */
    public TrackingToken head() { return eventStore.createHeadToken(); }

    /** A read's {@code X-Stoa-Min-Position}: waits for the processors that handle the write ending there. */
    public boolean awaitWriteAt(long position, TrackingToken head, Duration timeout) throws InterruptedException {
        return positions.awaitWriteAt(position, head, timeout);
    }

    /** Whether every running processor of this process passed {@code position} within {@code timeout}. */
    public boolean await(long position, Duration timeout) throws InterruptedException {
        return positions.awaitAll(position, timeout);
    }

    private OptionalLong headPosition() {
        TrackingToken head = head();
        return head == null ? OptionalLong.empty() : head.position();
    }

    /** How long a write waited for one processor (from the end of its command to that processor's last receipt). */
    private void record(String processor, String outcome, long nanos) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            registry.timer("stoa.read-your-writes", "processor", processor, "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
