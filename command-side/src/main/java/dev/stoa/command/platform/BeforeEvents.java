package dev.stoa.command.platform;

import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Database writes a command handler makes beside its events (a unique-key claim, a registration deadline, the
 * destruction of a personal-data key) must never be missing once the events can be seen. With the JPA event
 * store they simply join the command's transaction: they commit atomically with the events. With Axon Server the
 * events are appended first and PostgreSQL commits after, so a failure between the two would leave events without
 * their rows; there these writes commit in a transaction of their own, before the events exist. What a failed
 * command leaves behind then is an orphan row the reconcilers clean up (a claim whose owner has no events, a
 * deadline whose registration does not exist), never an event without its row.
 */
@Component
public class BeforeEvents {
    private final TransactionTemplate ownTransaction;
    private final boolean separately;

    public BeforeEvents(PlatformTransactionManager transactions,
                        @Value("${axon.axonserver.enabled:false}") boolean eventsCommitElsewhere) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separately = eventsCommitElsewhere;
    }

    public <T> T write(Supplier<T> work) { return separately ? ownTransaction.execute(status -> work.get()) : work.get(); }

    public void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /** Whether these writes commit on their own (the events are stored outside PostgreSQL). */
    public boolean separately() { return separately; }
}
