package dev.stoa.app.embedded;

import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearch;
import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded servers of one data directory, started at most once per JVM however many application
 * contexts ask (the test run shares them across all its contexts), and stopped by one JVM shutdown hook
 * that first closes the contexts registered with {@link #beforeStop(Runnable)}, so the app stops before
 * its database does, on Ctrl-C too.
 */
public final class EmbeddedRuntime {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRuntime.class);
    private static final Map<Path, EmbeddedRuntime> RUNNING = new ConcurrentHashMap<>();
    private static final List<Runnable> BEFORE_STOP = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRuntime::stopAll, "stoa-embedded-shutdown"));
    }

    private final Path dataDir;
    private volatile EmbeddedPostgresServer postgres;
    private volatile EmbeddedElasticsearch elasticsearch;

    private EmbeddedRuntime(Path dataDir) { this.dataDir = dataDir; }

    public static EmbeddedRuntime forDataDir(Path dataDir) {
        return RUNNING.computeIfAbsent(dataDir.toAbsolutePath().normalize(), EmbeddedRuntime::new);
    }

    /** Starts what is asked and not yet running, both at once. */
    public synchronized void start(boolean withPostgres, EmbeddedElasticsearchSettings elasticsearchSettings) {
        CompletableFuture<EmbeddedElasticsearch> es = elasticsearchSettings == null || elasticsearch != null
                ? CompletableFuture.completedFuture(elasticsearch)
                : CompletableFuture.supplyAsync(() -> EmbeddedElasticsearch.start(elasticsearchSettings));
        try {
            if (withPostgres && postgres == null) {
                long t0 = System.nanoTime();
                postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
                log.info("Embedded PostgreSQL ready on port {} in {} ms (data: {})", postgres.port(),
                        (System.nanoTime() - t0) / 1_000_000, dataDir.resolve("postgres"));
            }
            elasticsearch = es.join();
        } catch (Exception e) {
            es.thenAccept(node -> { if (node != null) node.close(); });
            throw new IllegalStateException("Could not start the embedded servers under " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() { return postgres == null ? null : postgres.jdbcUrl(); }

    public String elasticsearchUri() { return elasticsearch == null ? null : elasticsearch.httpUri(); }

    public Path dataDir() { return dataDir; }

    /** Stops this data directory's servers (used by tests that restart the platform on the same data). */
    public synchronized void stop() {
        if (elasticsearch != null) elasticsearch.close();
        if (postgres != null) postgres.close();
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
}
