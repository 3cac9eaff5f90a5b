package dev.stoa.app.platform.deadletter;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.MayBeNull;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.IllegalPayloadAccessException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Retries parked sequences through Axon's {@code SequencedDeadLetterProcessor} of the processor, in this process:
 * the handlers run again, in order; a sequence that succeeds leaves the queue and its read model is as if the events
 * had never failed; one that fails again stays parked with its new cause, one more retry and a later next attempt.
 */
@Component
public class DeadLetterRetries {
    /** What a retry did: letters that left the queue, and what is still parked in its scope. */
    public record Outcome(String processor, @MayBeNull String sequenceId, long processed, long stillParked) {}

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);
    private final DeadLetters deadLetters;
    private final ParkingPolicy policy;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;

    DeadLetterRetries(DeadLetters deadLetters, ParkingPolicy policy, EventProcessingConfiguration processing,
                      TransactionManager transactions) {
        this.deadLetters = deadLetters;
        this.policy = policy;
        this.transactions = transactions;
        this.processing = processing;
    }

    /** An admin's retry, due or not: one sequence, or every sequence of the processor once. */
    public Outcome retry(String processor, String sequenceId) {
        DeadLetters.Target target = deadLetters.target(processor);
        var queue = target.queue();
        if (sequenceId != null && queue.sequenceSize(sequenceId) == 0)
            throw DomainException.notFound("parked sequence " + sequenceId + " of event processor " + processor);
        long before = sequenceId == null ? queue.size() : queue.sequenceSize(sequenceId);
        retryOnce(target, letter -> sequenceId == null || sequenceId.equals(sequenceOf(letter)));
        long after = sequenceId == null ? queue.size() : queue.sequenceSize(sequenceId);
        return new Outcome(processor, sequenceId, Math.max(0, before - after), after);
    }

    /** The automatic retry: every sequence whose next attempt has come, unless the processor is stopped or failing. */
    public int retryDue(String processor) {
        var streaming = processing.eventProcessor(processor, StreamingEventProcessor.class);
        if (streaming.isPresent() && (!streaming.get().isRunning() || streaming.get().isError())) return 0;
        return retryOnce(deadLetters.target(processor), policy::isDue);
    }

    /** Tries each wanted sequence at most once; returns how many sequences left the queue. */
    private int retryOnce(DeadLetters.Target target, Predicate<DeadLetter<?>> wanted) {
        Set<String> tried = new HashSet<>();
        int cleared = 0;
        while (true) {
            AtomicBoolean picked = new AtomicBoolean();
            // the filter sees the first letter of each sequence no other process is retrying; it takes one per call
            Predicate<DeadLetter<?>> next = letter -> !picked.get() && !tried.contains(sequenceOf(letter))
                    && wanted.test(letter) && tried.add(sequenceOf(letter)) && picked.compareAndSet(false, true);
            try {
                if (target.processor().process(next::test)) cleared++;
            } catch (RuntimeException e) { // an outage, or a retry whose transaction could not commit
                Throwable cause = e instanceof IllegalPayloadAccessException && e.getCause() != null ? e.getCause() : e;
                log.warn("A retry of a parked sequence of {} was rolled back: {}", target.name(), cause.toString());
            } finally {
                DeferringDeadLetterQueue.writeDeferred(transactions);
            }
            if (!picked.get()) return cleared;
        }
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JpaDeadLetter<?> jpa ? jpa.getSequenceIdentifier() : String.valueOf(letter.message().getIdentifier());
    }
}
