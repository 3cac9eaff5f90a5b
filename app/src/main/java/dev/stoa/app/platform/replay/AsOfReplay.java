package dev.stoa.app.platform.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A read model as it stood at an instant: the processor's tables copied empty into a temporary schema, the projection's
 * own handlers replayed over the events stored up to then ({@link EventReplay}, events timestamped after it skipped),
 * the question answered from that schema, and the schema dropped. At most {@code stoa.replay.as-of-concurrency} such
 * builds run at once (each reads the log from its start); others wait for a turn.
 */
@Component
public class AsOfReplay {
    private static final Duration IDLE = Duration.ofMillis(200);
    private final ProjectionBeans beans;
    private final EventReplay replay;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final Semaphore turns;

    public AsOfReplay(ProjectionBeans beans, EventReplay replay, EventStore eventStore, JdbcTemplate jdbc,
                      @Value("${stoa.replay.batch-size:1000}") int batchSize,
                      @Value("${stoa.replay.as-of-concurrency:2}") int concurrency) {
        this.beans = beans;
        this.replay = replay;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
        this.turns = new Semaphore(concurrency, true);
    }

    /** Builds {@code processor}'s read model as of {@code asOf} and answers {@code query} from it (in one transaction). */
    public <T> T answer(String processor, Instant asOf, Supplier<T> query) {
        ProjectionBeans.Group group = beans.of(processor);
        if (!group.tableReadModel()) throw new IllegalArgumentException(processor + " is no PostgreSQL read model");
        String schema = "asof_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        turns.acquireUninterruptibly();
        try {
            jdbc.execute("create schema " + schema);
            TableCopies.createEmpty(jdbc, schema, group.tables()); // dropped after the answer: never logged
            long head = head();
            try (EventReplay.Run run = replay.open(group, schema, e -> !e.getTimestamp().isAfter(asOf))) {
                do {
                    run.batch(batchSize, IDLE);
                } while (!run.caughtUp() && run.position() < head);
            }
            TableCopies.analyze(jdbc, schema, group.tables()); // plans for the query
            return replay.inSchema(schema, query);
        } finally {
            try {
                jdbc.execute("drop schema if exists " + schema + " cascade");
            } finally {
                turns.release();
            }
        }
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Drops schemas of builds a crash left behind. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void dropLeftovers() {
        try {
            jdbc.queryForList("select nspname from pg_namespace where nspname like 'asof\\_%' or nspname like 'rebuild\\_%'",
                    String.class).forEach(s -> jdbc.execute("drop schema if exists " + s + " cascade"));
        } catch (DataAccessException e) {
            org.slf4j.LoggerFactory.getLogger(AsOfReplay.class).warn("Could not drop leftover replay schemas: {}", e.getMessage());
        }
    }
}
