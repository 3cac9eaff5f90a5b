package dev.stoa.app.platform.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency records older than {@code stoa.idempotency.retention} every
 * {@code stoa.idempotency.cleanup-interval}, in batches, so the table holds one day of keys and no more.
 * Any number of processes may run it; deleting an already deleted row is harmless.
 */
@Component
public class IdempotencyExpiry implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyExpiry.class);
    private static final int BATCH = 1_000;
    private final IdempotencyStore store;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    IdempotencyExpiry(IdempotencyStore store, @Value("${stoa.idempotency.cleanup-interval:10m}") Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    /** One pass: deletes every expired record; returns how many. */
    public int expireNow() {
        int total = 0;
        for (int deleted = BATCH; deleted == BATCH; total += deleted) deleted = store.expire(BATCH);
        return total;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "stoa-idempotency-expiry"));
        long every = Math.max(1_000, interval.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                int deleted = expireNow();
                if (deleted > 0) log.debug("Deleted {} expired idempotency records", deleted);
            } catch (RuntimeException e) {
                log.warn("Idempotency record cleanup failed; retrying next time: {}", e.toString());
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
