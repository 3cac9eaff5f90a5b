package dev.stoa.app.platform.deadletter;

import dev.stoa.api.platform.DeadLetterEvicted;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.MayBeNull;
import dev.stoa.command.platform.DeadLetterEvictions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.DeadLetterEntry;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead letters of the event processors that run in this process (a processor's letters are retried where the
 * processor runs: in a split deployment the command and query processes each serve their own). Processor names are
 * their processing groups'.
 */
@Component
public class DeadLetters {
    /** One parked event as the admin API shows it; {@code cause} null: it waits behind an earlier event. */
    public record View(String id, String processor, String sequenceId, String eventId, String type,
                       @MayBeNull String cause, Instant parkedAt, int retries, @MayBeNull Instant nextAttempt) {}

    public record Page(List<View> items, long total, int limit, int offset) {}

    /** A processor of this process and its queue. */
    record Target(String name, SequencedDeadLetterProcessor<EventMessage<?>> processor,
                  SequencedDeadLetterQueue<EventMessage<?>> queue) {}

    private static final String ORDER = " order by dl.enqueuedAt, dl.sequenceIdentifier, dl.sequenceIndex";
    private final EventProcessingConfiguration processing;
    private final Serializer serializer;
    private final EventGateway events;
    private final TransactionTemplate transactions;
    private final EvictedEvents evicted;
    private final ObjectProvider<DeadLetterEvictions> listeners;
    @PersistenceContext
    private EntityManager entityManager;

    DeadLetters(EventProcessingConfiguration processing, @Qualifier("eventSerializer") Serializer serializer,
                EventGateway events, TransactionTemplate transactions, EvictedEvents evicted,
                ObjectProvider<DeadLetterEvictions> listeners) {
        this.evicted = evicted;
        this.listeners = listeners;
        this.processing = processing;
        this.serializer = serializer;
        this.events = events;
        this.transactions = transactions;
    }

    /** The processors of this process that park their failures, by name. */
    public List<String> processors() {
        return processing.eventProcessors().keySet().stream()
                .filter(name -> processing.sequencedDeadLetterProcessor(name).isPresent()).sorted().toList();
    }

    /**
     * The processors of this process that have parked events now, by name: one query over the dead-letter table,
     * so that the automatic retry asks the queues of those only (each ask is a transaction and a paging query).
     */
    public List<String> processorsWithLetters() {
        List<String> groups = processors();
        if (groups.isEmpty()) return List.of();
        return entityManager.createQuery("select distinct dl.processingGroup from DeadLetterEntry dl"
                        + " where dl.processingGroup in :groups order by dl.processingGroup", String.class)
                .setParameter("groups", groups).getResultList();
    }

    Target target(String processor) {
        // asked first: Axon's deadLetterQueue(name) would register a queue for a name it does not know
        var deadLetterProcessor = processing.sequencedDeadLetterProcessor(processor).orElseThrow(() ->
                processing.eventProcessor(processor).isPresent()
                        // the audit log: it retries an event it cannot chain, and never parks one
                        ? DomainException.notFound("dead-letter queue of " + processor + " (it parks no event)")
                        : DomainException.notFound("event processor " + processor + " (in this process)"));
        return new Target(processor, deadLetterProcessor, processing.deadLetterQueue(processor).orElseThrow());
    }

    public Page list(String processor, int limit, int offset) {
        List<String> groups = processor == null ? processors() : List.of(target(processor).name());
        if (groups.isEmpty()) return new Page(List.of(), 0, limit, offset);
        long total = entityManager.createQuery("select count(dl) from DeadLetterEntry dl where dl.processingGroup in :groups",
                Long.class).setParameter("groups", groups).getSingleResult();
        List<View> items = entityManager.createQuery("select dl from DeadLetterEntry dl where dl.processingGroup in :groups"
                        + ORDER, DeadLetterEntry.class).setParameter("groups", groups)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(this::view).toList();
        return new Page(items, total, limit, offset);
    }

    /**
     * Removes one parked event for good and records who did it in the event log, in one transaction; the processor's
     * replays skip it too ({@link EvictedEvents}).
     */
    public View evict(String id) {
        DeadLetterEntry entry = entityManager.find(DeadLetterEntry.class, id);
        if (entry == null || !processors().contains(entry.getProcessingGroup()))
            throw DomainException.notFound("dead letter " + id);
        View view = view(entry);
        SequencedDeadLetterQueue<EventMessage<?>> queue = target(view.processor()).queue();
        transactions.executeWithoutResult(tx -> {
            StreamSupport.stream(queue.deadLetterSequence(view.sequenceId()).spliterator(), false)
                    .filter(letter -> letter instanceof JpaDeadLetter<?> jpa && jpa.getId().equals(id)).findFirst()
                    .ifPresentOrElse(letter -> {
                        queue.evict(letter);
                        Object payload = letter.message().getPayload();
                        listeners.orderedStream().forEach(listener -> listener.evicted(view.processor(), payload));
                    }, () -> { throw DomainException.notFound("dead letter " + id); });
            events.publish(new DeadLetterEvicted(view.processor(), id, view.eventId(), view.type(), view.cause()));
            evicted.record(view.processor(), view.eventId()); // its replays skip it too
        });
        return view;
    }

    private View view(DeadLetterEntry entry) {
        MetaData diagnostics = entry.getDiagnostics() == null ? MetaData.emptyInstance() : serializer.deserialize(entry.getDiagnostics());
        Object next = diagnostics.get(ParkingPolicy.NEXT_ATTEMPT);
        String cause = entry.getCauseType() == null ? null
                : entry.getCauseType() + (entry.getCauseMessage() == null ? "" : ": " + entry.getCauseMessage());
        return new View(entry.getDeadLetterId(), entry.getProcessingGroup(), entry.getSequenceIdentifier(),
                entry.getMessage().getEventIdentifier(), entry.getMessage().getPayload().getType().getName(), cause,
                entry.getEnqueuedAt(), ParkingPolicy.retries(diagnostics), next == null ? null : Instant.parse(next.toString()));
    }
}
