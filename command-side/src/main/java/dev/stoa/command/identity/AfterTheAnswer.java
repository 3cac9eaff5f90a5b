package dev.stoa.command.identity;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs what a request does for a known account only (a code hashed and issued, a reset prepared, a mail queued) after
 * its answer, so that the answer takes as long for an address without an account: otherwise its time tells who is
 * registered. The request's logging context (correlation id, request) goes with the work, so the commands carry it as
 * if sent from the request.
 * <ul>
 *   <li>Two threads (the work is a bcrypt hash and two commands), 1,000 tasks waiting at most.</li>
 *   <li>One task per account and kind ({@code key}) at a time: a request while one waits or runs adds nothing (its
 *       mail is on the way), so a caller cannot fill the queue through the few accounts it owns, and two requests
 *       never run side by side: both would pass the check before the hourly cap and each spend a bcrypt hash on a
 *       code the account then refuses.</li>
 *   <li>A full queue (1,000 accounts asking at once, an overload) drops the task with an error in the log rather
 *       than doing it before the answer, which would bring the difference in time back. The caller had its 202 and may
 *       ask again; so may one whose task failed (logged too). A retry with the same Idempotency-Key replays the 202.</li>
 *   <li>At shutdown, after the web server stopped taking requests and before Axon stops (a lifecycle phase between
 *       the two), the waiting tasks are finished, for up to 30 seconds.</li>
 * </ul>
 * Not an {@code Executor} bean: one would replace Spring Boot's own task executor.
 */
@Component
class AfterTheAnswer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AfterTheAnswer.class);
    /** Stops after the web server (Spring Boot's phases {@code MAX - 1024}, {@code - 2048}), before Axon ({@code - 3072}). */
    static final int PHASE = Integer.MAX_VALUE - 2560;
    private final AtomicInteger threads = new AtomicInteger();
    /** The keys whose task waits or runs. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private volatile ThreadPoolExecutor executor = newExecutor();
    private volatile boolean running;

    private ThreadPoolExecutor newExecutor() {
        return new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), work -> {
            Thread thread = new Thread(work, "after-the-answer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs {@code work} on another thread, with this thread's logging context, unless a task of the same {@code key}
     * still waits or runs; {@code what} names it in the log.
     */
    void run(String what, String key, Runnable work) {
        if (!waiting.add(key)) return;
        Map<String, String> context = MDC.getCopyOfContextMap();
        try {
            executor.execute(() -> {
                Map<String, String> before = MDC.getCopyOfContextMap();
                if (context != null) MDC.setContextMap(context);
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // the class only: a message could carry the code or link (a mail request prints its model)
                    log.error("{} failed after its 202 ({}; the user may ask again)", what, e.getClass().getName());
                } finally {
                    if (before != null) MDC.setContextMap(before);
                    else MDC.clear();
                    waiting.remove(key);
                }
            });
        } catch (RejectedExecutionException full) {
            waiting.remove(key);
            log.error("{} dropped: {} tasks wait already, or the platform stops (the user may ask again)", what,
                    executor.getQueue().size());
        }
    }

    @Override
    public void start() {
        if (executor.isShutdown()) { // a context stopped and started again: the tasks shutdownNow dropped hold no key
            waiting.clear();
            executor = newExecutor();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS))
                log.warn("{} requests' mails were not sent before shutdown", executor.shutdownNow().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() { return running; }

    @Override
    public int getPhase() { return PHASE; }
}
