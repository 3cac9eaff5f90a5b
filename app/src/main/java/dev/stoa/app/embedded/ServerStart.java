package dev.stoa.app.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded server on its way up, in a (daemon) thread of its own. {@code launch} creates the server's handle
 * (Elasticsearch's as soon as its process runs, so that {@link #stop()} can end it while it starts); {@code readiness}
 * then waits until it serves. Whoever needs the server calls {@link #await}.
 */
final class ServerStart<S> {
    private static final Logger log = LoggerFactory.getLogger(ServerStart.class);
    private final String name;
    private final Path dir;
    private final String url;
    private final Duration timeout;
    private final Closer<S> closer;
    private final CompletableFuture<S> ready = new CompletableFuture<>();
    private S handle;
    private boolean stopped;

    private ServerStart(String name, Path dir, String url, Duration timeout, Closer<S> closer) {
        this.name = name;
        this.dir = dir;
        this.url = url;
        this.timeout = timeout;
        this.closer = closer;
    }

    /** A server whose start returns once it serves (PostgreSQL: zonky's start). */
    static <S> ServerStart<S> begin(String name, Path dir, String url, Duration timeout, Closer<S> closer,
                                    Launcher<S> start) {
        return begin(name, dir, url, timeout, start, server -> { }, closer);
    }

    /** A server that has a handle before it serves (Elasticsearch: its child JVM runs, then becomes healthy). */
    static <S> ServerStart<S> begin(String name, Path dir, String url, Duration timeout,
                                    Launcher<S> launch, Readiness<S> readiness, Closer<S> closer) {
        ServerStart<S> start = new ServerStart<>(name, dir, url, timeout, closer);
        Thread.ofPlatform().daemon().name("stoa-embedded-" + name.toLowerCase(Locale.ROOT))
                .start(() -> start.run(launch, readiness));
        return start;
    }

    private void run(Launcher<S> launch, Readiness<S> readiness) {
        try {
            S server = launch.launch();
            synchronized (this) {
                if (stopped) {
                    closer.close(server);
                    throw new IllegalStateException("stopped while starting");
                }
                handle = server;
            }
            readiness.await(server);
            ready.complete(server);
        } catch (Throwable e) {
            ready.completeExceptionally(e);
        }
    }

    /** Where the server answers: known before it does. */
    String url() { return url; }

    boolean failed() { return ready.isCompletedExceptionally(); }

    /** Blocks until the server serves, for at most the start timeout; throws {@link EmbeddedServerFailed} otherwise. */
    void await(Path dataDir) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // our own failures say it all; a bare IOException's message is often just a path
            String why = cause instanceof IllegalStateException ? cause.getMessage() : cause.toString();
            throw new EmbeddedServerFailed(name, dir, "Could not start the embedded " + name + " under " + dataDir
                    + ": " + why, cause);
        } catch (TimeoutException e) {
            throw new EmbeddedServerFailed(name, dir, "The embedded " + name + " under " + dataDir
                    + " did not start within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServerFailed(name, dir, "Interrupted while waiting for the embedded " + name, e);
        }
    }

    /** Ends the server: at once if it has a handle, otherwise once its start gave it one. */
    void stop() {
        S server;
        synchronized (this) {
            stopped = true;
            server = handle;
        }
        if (server == null) {
            try {
                server = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                return; // failed: nothing runs (run() closed what it started); timed out: its watchdog ends it with us
            }
        }
        try {
            closer.close(server);
        } catch (RuntimeException e) {
            log.warn("Stopping the embedded {} failed", name, e);
        }
    }

    @FunctionalInterface
    interface Launcher<S> { S launch() throws Exception; }

    @FunctionalInterface
    interface Readiness<S> { void await(S server) throws Exception; }

    @FunctionalInterface
    interface Closer<S> { void close(S server); }
}
