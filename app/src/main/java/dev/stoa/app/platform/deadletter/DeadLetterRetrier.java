package dev.stoa.app.platform.deadletter;

import dev.stoa.command.platform.PeriodicTask;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retries parked events on their own, with back-off ({@code stoa.dead-letters.initial-backoff}, doubled per failed
 * retry up to {@code .max-backoff}), so a transient cause (a row or key not committed yet) heals without an operator.
 * Every process retries the letters of the processors it runs; Axon's claim on a letter keeps two processes from
 * retrying the same sequence at once.
 */
@Component
class DeadLetterRetrier extends PeriodicTask {
    private final DeadLetters deadLetters;
    private final DeadLetterRetries retries;

    DeadLetterRetrier(DeadLetters deadLetters, DeadLetterRetries retries,
                      @Value("${stoa.dead-letters.retry-interval:1s}") Duration interval) {
        super("dead-letter-retry", interval);
        this.deadLetters = deadLetters;
        this.retries = retries;
    }

    /** One pass over this process's processors that have parked events; returns how many sequences left the queue. */
    @Override
    public int runOnce() {
        int cleared = 0;
        for (String processor : deadLetters.processorsWithLetters()) cleared += retries.retryDue(processor);
        return cleared;
    }
}
