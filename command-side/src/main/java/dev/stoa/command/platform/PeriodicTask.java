package dev.stoa.command.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Housekeeping that runs every {@code interval} on a thread of its own while the application runs (expired
 * records, stranded claims, overdue deadlines). A failed pass is logged and the next one tries again; each pass
 * must be safe to run in several processes at once. At least one second apart.
 */
public abstract class PeriodicTask implements SmartLifecycle {
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    protected PeriodicTask(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One pass; returns how many things it handled (for the log). */
    public abstract int runOnce();

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "stoa-" + name));
        long every = Math.max(1_000, interval.toMillis());
        executor.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            int handled = runOnce();
            if (handled > 0) log.debug("{}: {} handled", name, handled);
        } catch (RuntimeException e) {
            log.warn("{} failed; retrying in {}: {}", name, interval, e.toString());
        }
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
