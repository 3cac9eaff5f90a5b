package dev.stoa.app.platform.web;

import java.time.Duration;
import dev.stoa.command.platform.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency records older than {@code stoa.idempotency.retention} every
 * {@code stoa.idempotency.cleanup-interval}, in batches, so the table holds one day of keys and no more.
 * Any number of processes may run it; deleting an already deleted row is harmless.
 */
@Component
public class IdempotencyExpiry extends PeriodicTask {
    private static final int BATCH = 1_000;
    private final IdempotencyStore store;

    IdempotencyExpiry(IdempotencyStore store, @Value("${stoa.idempotency.cleanup-interval:10m}") Duration interval) {
        super("idempotency-expiry", interval);
        this.store = store;
    }

    /** One pass: deletes every expired record; returns how many. */
    @Override
    public int runOnce() {
        int total = 0;
        for (int deleted = BATCH; deleted == BATCH; total += deleted) deleted = store.expire(BATCH);
        return total;
    }
}
