package dev.stoa.app.platform.axon;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.stereotype.Component;

/**
 * Progress of this process's streaming processors, signalled instead of polled: every processor carries
 * {@link #interceptor} (registered once for all in {@link ReadYourWritesConfiguration}), which gives the write
 * of each committed event its receipt ({@link WrittenEvents}) and wakes position waiters once per batch. The wake
 * comes at the batch's clean-up, after Axon has moved the segment's in-memory status past the batch (an
 * after-commit handler that runs after ours), so a woken waiter sees the new position.
 */
@Component
public class ProcessorProgress {
    private static final String SIGNALLED = ProcessorProgress.class.getName() + ".signalled";
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final WrittenEvents written;
    private long generation; // guarded by lock: a wake between a waiter's check and its sleep is not lost

    public ProcessorProgress(WrittenEvents written) { this.written = written; }

    MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor) {
        return (unitOfWork, chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            if (written.following(event.getIdentifier())) unitOfWork.afterCommit(u -> written.handled(processor, event));
            unitOfWork.getOrComputeResource(SIGNALLED, key -> {
                unitOfWork.onCleanup(u -> signal());
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
    }

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
