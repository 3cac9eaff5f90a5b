package dev.stoa.app.platform.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's JPA dead-letter queue, plus: the outcome of a retry that failed in a way that doomed the retry's
 * transaction (see {@link HandlerTransaction#canCommit}) is kept aside and written once that transaction has rolled back,
 * so the letter's retry count, cause and next attempt still move on. Axon claims the letter in the same
 * transaction (a row lock), so it cannot be written beside it in a second one. Callers of
 * {@code SequencedDeadLetterProcessor.process} call {@link #writeDeferred} afterwards (see {@link DeadLetters}).
 */
public class DeferringDeadLetterQueue extends JpaSequencedDeadLetterQueue<EventMessage<?>> {
    private static final Logger log = LoggerFactory.getLogger(DeferringDeadLetterQueue.class);
    private static final ThreadLocal<List<Runnable>> DEFERRED = ThreadLocal.withInitial(ArrayList::new);
    private final HandlerTransaction transaction;

    public DeferringDeadLetterQueue(Builder<EventMessage<?>> builder, HandlerTransaction transaction) {
        super(builder);
        this.transaction = transaction;
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> updater) {
        if (transaction.canCommit()) {
            super.requeue(letter, updater);
            return;
        }
        JpaDeadLetter<?> failed = (JpaDeadLetter<?>) letter;
        DEFERRED.get().add(() -> current(failed).ifPresent(now -> { // gone: it was evicted or succeeded meanwhile
            DeadLetter<? extends EventMessage<?>> updated = updater.apply(now);
            super.requeue(now, l -> updated);
            postponeHead(failed, updated);
        }));
    }

    /** The letter as it is now: another retry may have recorded its outcome since this one read it. */
    private Optional<DeadLetter<? extends EventMessage<?>>> current(JpaDeadLetter<?> letter) {
        for (DeadLetter<? extends EventMessage<?>> now : deadLetterSequence(letter.getSequenceIdentifier()))
            if (now instanceof JpaDeadLetter<?> jpa && jpa.getId().equals(letter.getId())) return Optional.of(now);
        return Optional.empty();
    }

    /**
     * When a later letter of the sequence failed, the earlier ones' success was rolled back with it: the head, which
     * the automatic retry looks at, must wait as long as the failed letter, or the sequence is retried at once.
     */
    private void postponeHead(JpaDeadLetter<?> failed, DeadLetter<? extends EventMessage<?>> updated) {
        DeadLetter<? extends EventMessage<?>> head = deadLetterSequence(failed.getSequenceIdentifier()).iterator().next();
        if (head instanceof JpaDeadLetter<?> h && !h.getId().equals(failed.getId())) {
            Object next = updated.diagnostics().get(ParkingPolicy.NEXT_ATTEMPT);
            super.requeue(head, l -> l.withDiagnostics(l.diagnostics().and(ParkingPolicy.NEXT_ATTEMPT, next)));
        }
    }

    /** Writes the outcomes kept aside on this thread, each in a transaction of its own. */
    public static void writeDeferred(TransactionManager transactions) {
        List<Runnable> deferred = new ArrayList<>(DEFERRED.get());
        DEFERRED.remove();
        for (Runnable outcome : deferred) {
            try {
                transactions.executeInTransaction(outcome);
            } catch (RuntimeException e) { // evicted meanwhile, or the database went away: the letter stays as it was
                log.warn("Could not record the outcome of a dead-letter retry: {}", e.toString());
            }
        }
    }
}
