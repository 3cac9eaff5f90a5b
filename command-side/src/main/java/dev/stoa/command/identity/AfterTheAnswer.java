package dev.stoa.command.identity;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs what a request does for a known account only (a code hashed and issued, a reset prepared, a mail queued) after
 * its answer, so that the answer takes as long for an address without an account: otherwise its time tells who is
 * registered. The request's logging context (correlation id, request) goes with the work, so the commands carry it as
 * if sent from the request. Two threads (the work is a bcrypt hash and two commands), 1,000 waiting at most; beyond
 * that (an overload the auth rate limits should never let through) the request does the work itself rather than drop
 * it. A failure is logged; the caller had its 202 and may ask again. Work queued at shutdown is finished first (up to
 * 30 seconds). Not an {@code Executor} bean: one would replace Spring Boot's own task executor.
 */
@Component
class AfterTheAnswer implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(AfterTheAnswer.class);
    private final AtomicInteger threads = new AtomicInteger();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), work -> {
                Thread thread = new Thread(work, "after-the-answer-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    /** Runs {@code work} on another thread, with this thread's logging context; {@code what} names it in a failure's log. */
    void run(String what, Runnable work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        executor.execute(() -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            if (context != null) MDC.setContextMap(context);
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("{} failed after its 202 (the user may ask again): {}", what, e.toString());
            } finally {
                if (before != null) MDC.setContextMap(before);
                else MDC.clear();
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS))
            log.warn("{} requests' mails were not sent before shutdown", executor.shutdownNow().size());
    }
}
