package dev.stoa.app.platform.web;

import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import java.time.Duration;
import dev.stoa.command.platform.PeriodicTask;

/**
 * Deletes rate-limit buckets that have refilled completely, every {@code stoa.rate-limit.cleanup-interval}, so the
 * table does not grow with every address that ever called. Only expired rows go, in batches (Bucket4j deletes
 * with FOR UPDATE SKIP LOCKED, so instances sweeping at the same time share the work): a flood of new addresses
 * can never reset the bucket of a client who is being limited.
 */
public class RateLimitBucketSweeper extends PeriodicTask {
    private static final int BATCH = 1_000;
    /** Bounds one pass; whatever is left waits for the next one. */
    private static final int MAX_BATCHES = 100;
    private final ExpiredEntriesCleaner buckets;

    RateLimitBucketSweeper(ExpiredEntriesCleaner buckets, Duration interval) {
        super("rate-limit-sweeper", interval);
        this.buckets = buckets;
    }

    /** One pass; returns how many buckets were deleted. */
    @Override
    public int runOnce() {
        int removed = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int deleted = buckets.removeExpired(BATCH);
            removed += deleted;
            if (deleted < BATCH) break;
        }
        return removed;
    }
}
