package dev.stoa.app.embedded;

import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearch;
import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearchSettings;
import dev.stoa.embedded.elasticsearch.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final List<Runnable> AFTER_CONTEXTS = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRuntime::stopAll, "stoa-embedded-shutdown"));
    }

    private final Path dataDir;
    private ServerStart<EmbeddedPostgresServer> postgres;
    private ServerStart<EmbeddedElasticsearch> elasticsearch;

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
            int port = LoopbackPorts.free(); // chosen now, so that the URL is known before it runs
            Path dir = dataDir.resolve("postgres");
            postgres = ServerStart.begin("PostgreSQL", dir, EmbeddedPostgresServer.jdbcUrl(port),
                    postgresSettings.startTimeout(), EmbeddedPostgresServer::close, () -> {
                        long t0 = System.nanoTime();
                        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, port, postgresSettings.binariesCache(),
                                postgresSettings.sharedBuffersMb());
                        log.info("Embedded PostgreSQL ready on port {} in {} ms (data: {})", port,
                                (System.nanoTime() - t0) / 1_000_000, dir);
                        return server;
                    });
        }
        if (elasticsearchSettings != null && (elasticsearch == null || elasticsearch.failed())) {
            EmbeddedElasticsearchSettings settings = elasticsearchSettings.port() == 0
                    ? elasticsearchSettings.withPort(LoopbackPorts.free()) : elasticsearchSettings;
            elasticsearch = ServerStart.begin("Elasticsearch", settings.dataDir(),
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
        ServerStart<EmbeddedPostgresServer> starting;
        synchronized (this) { starting = postgres; }
        if (starting != null) starting.await(dataDir);
    }

    /** Blocks until Elasticsearch is healthy (at once if it was not asked for); throws if it cannot start. */
    public void awaitElasticsearch() {
        ServerStart<EmbeddedElasticsearch> starting;
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

    /**
     * Runs {@code task} at shutdown after the contexts closed, beside the servers' own stops: for a server that is not
     * one of this runtime's (the embedded SMTP server). Its own shutdown hook ran at once, in parallel with the
     * contexts' graceful stop: before 2026-12-06 (eighth session) the mail server refused connections while requests
     * were still being answered (found by a walkthrough).
     */
    public static synchronized void afterContexts(Runnable task) { AFTER_CONTEXTS.add(task); }

    private static void stopAll() {
        List<Runnable> tasks;
        synchronized (EmbeddedRuntime.class) { tasks = new ArrayList<>(BEFORE_STOP); }
        for (Runnable task : tasks) {
            try { task.run(); } catch (RuntimeException e) { log.warn("Stopping the application failed", e); }
        }
        RUNNING.values().forEach(EmbeddedRuntime::stop);
        synchronized (EmbeddedRuntime.class) { tasks = new ArrayList<>(AFTER_CONTEXTS); }
        for (Runnable task : tasks) {
            try { task.run(); } catch (RuntimeException e) { log.warn("Stopping an embedded server failed", e); }
        }
    }

    static Duration defaultTimeout() { return Duration.ofSeconds(180); }

    /** How PostgreSQL starts: how long to wait for it, and where the shared binaries live. */
    /** @param sharedBuffersMb PostgreSQL's {@code shared_buffers}: its own page cache, beside the OS's */
    public record PostgresSettings(Duration startTimeout, Path binariesCache, int sharedBuffersMb) {}
}
