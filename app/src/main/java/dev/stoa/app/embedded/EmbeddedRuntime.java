package dev.stoa.app.embedded;

import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearch;
import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearchSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded servers of one data directory, started at most once per JVM however many application
 * contexts ask (the test run shares them across all its contexts), and stopped by one JVM shutdown hook
 * that first closes the contexts registered with {@link #beforeStop(Runnable)}, so the app stops before
 * its database does, on Ctrl-C too.
 *
 * <p>{@link #start} only sets them going: their ports are chosen at once, so their URLs are known at once, and
 * each starts in a thread of its own while the application context is built. Whatever needs a server waits
 * for it with {@link #awaitPostgres()} or {@link #awaitElasticsearch()} ({@link EmbeddedServersGate}), which
 * throw {@link EmbeddedServerFailed} when it cannot start.
 */
public final class EmbeddedRuntime {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRuntime.class);
    private static final Map<Path, EmbeddedRuntime> RUNNING = new ConcurrentHashMap<>();
    private static final List<Runnable> BEFORE_STOP = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRuntime::stopAll, "stoa-embedded-shutdown"));
    }

    private final Path dataDir;
    private Starting<EmbeddedPostgresServer> postgres;
    private Starting<EmbeddedElasticsearch> elasticsearch;

    private EmbeddedRuntime(Path dataDir) { this.dataDir = dataDir; }

    public static EmbeddedRuntime forDataDir(Path dataDir) {
        return RUNNING.computeIfAbsent(dataDir.toAbsolutePath().normalize(), EmbeddedRuntime::new);
    }

    /** The runtime of this data directory if one was asked for in this JVM and not stopped since, else null. */
    static EmbeddedRuntime running(Path dataDir) { return RUNNING.get(dataDir.toAbsolutePath().normalize()); }

    /**
     * Sets going what is asked (null: not that one) and is not running or starting yet, and returns at once.
     * A server whose earlier start failed is started again.
     */
    public synchronized void start(PostgresSettings postgresSettings, EmbeddedElasticsearchSettings elasticsearchSettings) {
        if (postgresSettings != null && (postgres == null || postgres.failed())) {
            int port = freePort();
            Path dir = dataDir.resolve("postgres");
            postgres = Starting.begin("PostgreSQL", dir, EmbeddedPostgresServer.jdbcUrl(port),
                    postgresSettings.startTimeout(), EmbeddedPostgresServer::close, () -> {
                        long t0 = System.nanoTime();
                        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, port, postgresSettings.binariesCache());
                        log.info("Embedded PostgreSQL ready on port {} in {} ms (data: {})", port,
                                (System.nanoTime() - t0) / 1_000_000, dir);
                        return server;
                    });
        }
        if (elasticsearchSettings != null && (elasticsearch == null || elasticsearch.failed())) {
            EmbeddedElasticsearchSettings settings = elasticsearchSettings.port() == 0
                    ? elasticsearchSettings.withPort(freePort()) : elasticsearchSettings;
            elasticsearch = Starting.launch("Elasticsearch", settings.dataDir(),
                    "http://127.0.0.1:" + settings.port(), settings.startTimeout(),
                    () -> EmbeddedElasticsearch.launch(settings), EmbeddedElasticsearch::awaitReady,
                    EmbeddedElasticsearch::close);
        }
    }

    /** Known as soon as {@link #start} returned; null when PostgreSQL was not asked for. */
    public synchronized String jdbcUrl() { return postgres == null ? null : postgres.url(); }

    /** Known as soon as {@link #start} returned; null when Elasticsearch was not asked for. */
    public synchronized String elasticsearchUri() { return elasticsearch == null ? null : elasticsearch.url(); }

    public Path dataDir() { return dataDir; }

    /** Blocks until PostgreSQL accepts connections (at once if it was not asked for); throws if it cannot start. */
    public void awaitPostgres() {
        Starting<EmbeddedPostgresServer> starting;
        synchronized (this) { starting = postgres; }
        if (starting != null) starting.await(dataDir);
    }

    /** Blocks until Elasticsearch is healthy (at once if it was not asked for); throws if it cannot start. */
    public void awaitElasticsearch() {
        Starting<EmbeddedElasticsearch> starting;
        synchronized (this) { starting = elasticsearch; }
        if (starting != null) starting.await(dataDir);
    }

    /**
     * Stops this data directory's servers (used by tests that restart the platform on the same data). A server
     * still starting is stopped too: Elasticsearch at once, PostgreSQL once its start has finished.
     */
    public synchronized void stop() {
        if (elasticsearch != null) elasticsearch.stop();
        if (postgres != null) postgres.stop();
        elasticsearch = null;
        postgres = null;
        RUNNING.remove(dataDir);
    }

    /** Runs {@code task} (closing an application context) before the servers stop at JVM exit. */
    public static synchronized void beforeStop(Runnable task) { BEFORE_STOP.add(task); }

    private static void stopAll() {
        List<Runnable> tasks;
        synchronized (EmbeddedRuntime.class) { tasks = new ArrayList<>(BEFORE_STOP); }
        for (Runnable task : tasks) {
            try { task.run(); } catch (RuntimeException e) { log.warn("Stopping the application failed", e); }
        }
        RUNNING.values().forEach(EmbeddedRuntime::stop);
    }

    static Duration defaultTimeout() { return Duration.ofSeconds(180); }

    /** A free TCP port on the loopback interface, chosen now so that the server's URL is known before it runs. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for an embedded server", e);
        }
    }

    /** How PostgreSQL starts: how long to wait for it, and where the shared binaries live. */
    public record PostgresSettings(Duration startTimeout, Path binariesCache) {}

    /**
     * One server on its way up in a thread of its own. {@code launch} creates the server's handle (for
     * Elasticsearch as soon as its process runs, so that {@link #stop()} can end it while it starts); {@code ready}
     * waits until it serves.
     */
    private static final class Starting<S> {
        private final String name;
        private final Path dir;
        private final String url;
        private final Duration timeout;
        private final Closer<S> closer;
        private final CompletableFuture<S> ready = new CompletableFuture<>();
        private S handle;
        private boolean stopped;

        private Starting(String name, Path dir, String url, Duration timeout, Closer<S> closer) {
            this.name = name;
            this.dir = dir;
            this.url = url;
            this.timeout = timeout;
            this.closer = closer;
        }

        static <S> Starting<S> begin(String name, Path dir, String url, Duration timeout, Closer<S> closer,
                                     Launcher<S> start) {
            return launch(name, dir, url, timeout, start, server -> { }, closer);
        }

        static <S> Starting<S> launch(String name, Path dir, String url, Duration timeout,
                                      Launcher<S> launcher, Readiness<S> readiness, Closer<S> closer) {
            Starting<S> starting = new Starting<>(name, dir, url, timeout, closer);
            Thread.ofPlatform().daemon().name("stoa-embedded-" + name.toLowerCase(java.util.Locale.ROOT))
                    .start(() -> starting.run(launcher, readiness));
            return starting;
        }

        private void run(Launcher<S> launcher, Readiness<S> readiness) {
            try {
                S server = launcher.launch();
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

        String url() { return url; }

        boolean failed() { return ready.isCompletedExceptionally(); }

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

        /** Ends the server: one that is up or has a handle at once; otherwise once its start gave it one. */
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
                    return; // failed: nothing runs; timed out: its own watchdog ends it with this JVM
                }
            }
            try {
                closer.close(server);
            } catch (RuntimeException e) {
                log.warn("Stopping the embedded {} failed", name, e);
            }
        }
    }

    @FunctionalInterface
    private interface Launcher<S> { S launch() throws Exception; }

    @FunctionalInterface
    private interface Readiness<S> { void await(S server) throws Exception; }

    @FunctionalInterface
    private interface Closer<S> { void close(S server); }
}
