package dev.stoa.app.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until something asynchronous (a projection, a mail) has happened, or fails with what it waited for. */
public final class Await {
    private Await() {}

    public static void until(BooleanSupplier done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            pause(Duration.ofMillis(100));
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
