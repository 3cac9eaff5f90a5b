package dev.stoa.app.platform.axon;

import dev.stoa.query.platform.ReadCache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Progress of this process's streaming processors, signalled instead of polled: every processor carries
 * {@link #interceptor} (registered once for all in {@link ReadYourWritesConfiguration}), which gives the write
 * of each committed event its receipt ({@link WrittenEvents}) and wakes position waiters once per batch. The wake
 * comes at the batch's clean-up, after Axon has moved the segment's in-memory status past the batch (an
 * after-commit handler that runs after ours), so a woken waiter sees the new position. Before any receipt of a
 * batch is given, {@link ReadCache} hears of the commit and of what its events changed: no cached answer from before
 * it is served to the writer.
 */
@Component
public class ProcessorProgress {
    private static final String BATCH = ProcessorProgress.class.getName() + ".batch";
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final WrittenEvents written;
    private final ObjectProvider<ReadCache> readCache;
    private long generation; // guarded by lock: a wake between a waiter's check and its sleep is not lost

    public ProcessorProgress(WrittenEvents written, ObjectProvider<ReadCache> readCache) {
        this.written = written;
        this.readCache = readCache;
    }

    /**
     * Once per batch: after its commit, the cache first (with the items the batch's events changed), then each
     * followed event's receipt; at clean-up, the wake.
     */
    MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor) {
        return (unitOfWork, chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
                ReadCache cache = readCache.getIfAvailable();
                Batch started = new Batch(new ArrayList<>(), cache == null ? null : cache.batch(processor));
                unitOfWork.afterCommit(u -> {
                    if (started.changes() != null) started.changes().committed();
                    started.followed().forEach(e -> written.handled(processor, e));
                });
                unitOfWork.onCleanup(u -> signal());
                return started;
            });
            if (batch.changes() != null) batch.changes().add(event.getPayload());
            if (written.following(event.getIdentifier())) batch.followed().add(event);
            return chain.proceed();
        };
    }

    /** What one batch of a processor tells at its commit: what it changed to the cache, the receipts to writers. */
    private record Batch(List<EventMessage<?>> followed, ReadCache.Batch changes) {}

    void signal() {
        lock.lock();
        try {
            generation++;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Read before looking at the processors' positions, then handed to {@link #awaitAdvance}. */
    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps until some processor committed a batch after {@code seen} was read, at most {@code nanos}. */
    void awaitAdvance(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            while (generation == seen && nanos > 0) nanos = advanced.awaitNanos(nanos);
        } finally {
            lock.unlock();
        }
    }
}
