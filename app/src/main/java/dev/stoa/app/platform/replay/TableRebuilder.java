package dev.stoa.app.platform.replay;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.query.platform.ReadCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a PostgreSQL read model without downtime. Its tables are copied, empty, into the schema
 * {@code rebuild_<processor>} ({@code like ... including all}: columns, defaults, indexes, constraints), the
 * projection's own handlers replay the event log into them ({@link EventReplay}) while queries go on reading the live
 * tables, and once the replay is within a batch of the head: the live processor stops, the replay reads the rest,
 * and one transaction moves the live tables out and the new ones into {@code public} and sets every segment's token
 * to where the replay stopped. The processor starts again from there (events written meanwhile land in the new
 * tables) and the read cache's epoch moves. A failure before the switch leaves the live read model untouched.
 * The stop and the token move concern this process's processor: run rebuilds where the processor's segments are.
 */
@Component
public class TableRebuilder implements ReadModelRebuilder {
    private static final Logger log = LoggerFactory.getLogger(TableRebuilder.class);
    private static final Duration IDLE = Duration.ofMillis(300);
    private final ProjectionBeans beans;
    private final EventReplay replay;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<TokenStore> tokenStore;
    private final ObjectProvider<ReadCache> readCache;
    private final int batchSize;
    private final Duration logEvery;
    private final Map<String, RebuildTracker> rebuilds = new ConcurrentHashMap<>();

    public TableRebuilder(ProjectionBeans beans, EventReplay replay, EventStore eventStore, JdbcTemplate jdbc,
                          PlatformTransactionManager transactionManager, ObjectProvider<EventProcessingConfiguration> processing,
                          ObjectProvider<TokenStore> tokenStore, ObjectProvider<ReadCache> readCache,
                          @Value("${stoa.replay.batch-size:1000}") int batchSize,
                          @Value("${stoa.replay.log-every:5s}") Duration logEvery) {
        this.beans = beans;
        this.replay = replay;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.readCache = readCache;
        this.batchSize = batchSize;
        this.logEvery = logEvery;
    }

    @Override
    public boolean rebuilds(String processor) {
        return beans.of(processor).tableReadModel() && live(processor).isPresent();
    }

    @Override
    public synchronized RebuildProgress start(String processor) {
        RebuildTracker running = rebuilds.get(processor);
        if (running != null && !running.finished())
            throw new DomainException(ErrorCode.REBUILD_RUNNING, "a rebuild of " + processor + " is running");
        RebuildTracker tracker = new RebuildTracker(processor, head());
        rebuilds.put(processor, tracker);
        Thread.ofPlatform().name("rebuild-" + processor).daemon().start(() -> run(processor, tracker));
        return tracker.progress();
    }

    @Override
    public Optional<RebuildProgress> progress(String processor) {
        return Optional.ofNullable(rebuilds.get(processor)).map(RebuildTracker::progress);
    }

    private void run(String processor, RebuildTracker tracker) {
        ProjectionBeans.Group group = beans.of(processor);
        String schema = "rebuild_" + processor.replace('-', '_');
        List<String> tables = List.copyOf(group.tables());
        log.info("Rebuild of {} started: tables {} beside the live ones in schema {}, up to position {}",
                processor, tables, schema, tracker.progress().targetPosition());
        StreamingEventProcessor live = live(processor).orElseThrow();
        boolean wasRunning = live.isRunning();
        boolean stopped = false;
        try {
            prepare(schema, tables);
            try (EventReplay.Run run = replay.open(group, schema, e -> true)) {
                long lastLog = System.nanoTime();
                while (true) {
                    run.batch(batchSize, IDLE);
                    tracker.advanced(run.eventsRead(), run.position());
                    if (System.nanoTime() - lastLog > logEvery.toNanos()) {
                        logProgress(tracker.progress());
                        lastLog = System.nanoTime();
                    }
                    if (run.caughtUp() || head() - run.position() <= batchSize) break;
                }
                tracker.status("switching");
                stopped = true;
                live.shutdownAsync().get(60, TimeUnit.SECONDS);
                do { // what came since, up to a quiet moment; later events are the restarted processor's
                    run.batch(batchSize, IDLE);
                } while (!run.caughtUp() && head() - run.position() > batchSize);
                tracker.advanced(run.eventsRead(), run.position());
                swap(processor, schema, tables, run.token());
            }
            if (wasRunning) live.start();
            stopped = false;
            readCache.ifAvailable(cache -> cache.committed(processor));
            tracker.done();
            logProgress(tracker.progress());
        } catch (Exception e) {
            log.error("Rebuild of {} failed; the live read model is unchanged", processor, e);
            tracker.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            if (stopped && wasRunning) live.start();
        } finally {
            dropQuietly(schema);
        }
    }

    private void prepare(String schema, List<String> tables) {
        jdbc.execute("drop schema if exists " + schema + " cascade");
        jdbc.execute("create schema " + schema);
        for (String table : tables)
            jdbc.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
    }

    /**
     * One transaction: the live tables move to {@code <schema>_old}, the rebuilt ones to {@code public}, and the
     * processor's tokens to the replay's. It locks every table first and gives up after a short wait, so a reader
     * that holds one of them never deadlocks with it: the swap, not the reader, is retried.
     */
    private void swap(String processor, String schema, List<String> tables, TrackingToken token) throws InterruptedException {
        String old = schema + "_old";
        String lockList = String.join(", ", tables.stream().map(t -> "public." + t).toList());
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    jdbc.execute("set local lock_timeout = '500ms'");
                    jdbc.execute("lock table " + lockList + " in access exclusive mode");
                    jdbc.execute("drop schema if exists " + old + " cascade");
                    jdbc.execute("create schema " + old);
                    for (String table : tables) {
                        jdbc.execute("alter table public." + table + " set schema " + old);
                        jdbc.execute("alter table " + schema + "." + table + " set schema public");
                    }
                    TokenStore store = tokenStore.getObject();
                    for (int segment : store.fetchSegments(processor)) {
                        store.storeToken(token, processor, segment);
                        store.releaseClaim(processor, segment);
                    }
                });
                log.info("Rebuild of {}: switched to the new tables at {}", processor, token);
                dropQuietly(old);
                return;
            } catch (DataAccessException e) {
                if (attempt >= 40) throw e;
                log.debug("Rebuild of {}: swap attempt {} waited too long for a lock; again", processor, attempt, e);
                Thread.sleep(50L * Math.min(attempt, 10));
            }
        }
    }

    private void dropQuietly(String schema) {
        try {
            jdbc.execute("drop schema if exists " + schema + " cascade");
        } catch (DataAccessException e) {
            log.warn("Could not drop schema {}: {}", schema, e.getMessage());
        }
    }

    private static void logProgress(RebuildProgress p) {
        log.info("Rebuild of {}: {} - {} events, position {} of {} ({}%), {} events/s, ETA {}", p.processor(), p.status(),
                p.eventsReplayed(), p.position(), p.targetPosition(), String.format("%.1f", p.percent()),
                p.eventsPerSecond(), p.eta() == null ? "-" : p.eta().toSeconds() + " s");
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private Optional<StreamingEventProcessor> live(String processor) {
        EventProcessingConfiguration config = processing.getIfAvailable();
        return config == null ? Optional.empty() : config.eventProcessor(processor, StreamingEventProcessor.class);
    }
}
