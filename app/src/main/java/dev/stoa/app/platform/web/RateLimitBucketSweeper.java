package dev.stoa.app.platform.web;

import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes rate-limit buckets that have refilled completely, every {@code stoa.rate-limit.cleanup-interval}, so the
 * table does not grow with every address that ever called. Only expired rows go, in batches (Bucket4j deletes
 * with FOR UPDATE SKIP LOCKED, so instances sweeping at the same time share the work): a flood of new addresses
 * can never reset the bucket of a client who is being limited.
 */
public class RateLimitBucketSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RateLimitBucketSweeper.class);
    private static final int BATCH = 1_000;
    /** Bounds one pass; whatever is left waits for the next one. */
    private static final int MAX_BATCHES = 100;
    private final ExpiredEntriesCleaner buckets;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    RateLimitBucketSweeper(ExpiredEntriesCleaner buckets, Duration interval) {
        this.buckets = buckets;
        this.interval = interval;
    }

    /** One pass; returns how many buckets were deleted. */
    public int sweepOnce() {
        int removed = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int deleted = buckets.removeExpired(BATCH);
            removed += deleted;
            if (deleted < BATCH) break;
        }
        return removed;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "stoa-rate-limit-sweeper"));
        long every = Math.max(1_000, interval.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                int removed = sweepOnce();
                if (removed > 0) log.debug("Deleted {} expired rate-limit buckets", removed);
            } catch (RuntimeException e) {
                log.warn("Deleting expired rate-limit buckets failed; retrying next time: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) running.shutdownNow();
    }

    @Override
    public boolean isRunning() { return executor != null; }
}
