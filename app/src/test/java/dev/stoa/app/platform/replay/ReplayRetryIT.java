package dev.stoa.app.platform.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild's transaction that fails for a passing reason runs again, whole; one that fails for any other reason fails
 * the rebuild at once. The handlers here are the test's own, replayed as a rebuild replays a projection's (into a
 * schema of their own, {@code order-read-model}'s sequencing and segments), against the real PostgreSQL: a real
 * deadlock between two workers, like the one two erasures can make in the order read model.
 */
class ReplayRetryIT extends ApiTest {
    private static final String SCHEMA = "replay_retry_probe";
    /** A processor of several segments, so its replay shares each batch over several workers. */
    private static final String PROCESSOR = "order-read-model";

    @Autowired EventReplay replay;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventStore eventStore;
    @Autowired EventProcessingConfiguration processing;

    @BeforeEach
    void probeTable() {
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
        jdbc.execute("create schema " + SCHEMA);
        jdbc.execute("create table " + SCHEMA + ".probe (sku text primary key)");
    }

    @AfterEach
    void dropProbe() { jdbc.execute("drop schema if exists " + SCHEMA + " cascade"); }

    /** The test's handler: writes each product's SKU into the schema's probe table, then does what the test asks. */
    public class Probe {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<String, java.util.function.BiConsumer<JdbcTemplate, Integer>> then = new ConcurrentHashMap<>();

        @EventHandler
        public void on(ProductCreated event) {
            int call = calls.computeIfAbsent(event.sku(), sku -> new AtomicInteger()).incrementAndGet();
            jdbc.update("insert into probe(sku) values (?)", event.sku()); // the schema's, by the replay's search path
            var next = then.get(event.sku());
            if (next != null) next.accept(jdbc, call);
        }
    }

    private List<String> probed() { return jdbc.queryForList("select sku from " + SCHEMA + ".probe order by sku", String.class); }

    private static Predicate<EventMessage<?>> skus(Set<String> skus) {
        return event -> event.getPayload() instanceof ProductCreated created && skus.contains(created.sku());
    }

    private String product(String vendor, String sku) { return new Catalog(api).create(vendor, Catalog.product(sku, "Probe " + sku, 1_000, null, "Probe")); }

    private static void replayToTheHead(EventReplay.Run run) {
        for (int i = 0; i < 10_000 && !run.caughtUp(); i++) run.batch(1_000, Duration.ofMillis(300));
        assertThat(run.caughtUp()).isTrue();
    }

    /** The share {@code productId}'s events go to in a replay of {@link #PROCESSOR} over {@code threads} workers. */
    private int shareOf(String productId, int threads) {
        var event = eventStore.readEvents(productId).asStream().findFirst().orElseThrow();
        Object sequence = processing.sequencingPolicy(PROCESSOR).getSequenceIdentifierFor(event);
        return Math.floorMod(Objects.hashCode(sequence == null ? event.getIdentifier() : sequence), threads);
    }

    private static void lock(JdbcTemplate jdbc, long key) { jdbc.queryForList("select pg_advisory_xact_lock(?)::text", String.class, key); }

    /**
     * A rebuild's last step reads up to the head it saw when the live processor stopped, and no further: what came after
     * is the restarted processor's. Before 2026-12-06 (sixth session) that step waited for a whole batch of new events
     * or a quiet moment, and under steady writes the live read model stood still 6 to 12 s (a walkthrough's replays).
     */
    @Test
    void aBatchUpToAPosition_endsThere_andLeavesWhatCameAfter() {
        String vendor = tokenFor("vendor");
        String before = unique("UP-A-"), after = unique("UP-B-");
        product(vendor, before);
        long head = eventStore.createHeadToken().position().orElseThrow();
        product(vendor, after);
        Probe probe = new Probe();
        try (EventReplay.Run run = replay.open(new ProjectionBeans.Group(PROCESSOR, List.of(probe), true, Set.of()),
                SCHEMA, skus(Set.of(before, after)))) {
            while (run.position() < head && run.batch(1_000, Duration.ofSeconds(5), head) > 0) { /* up to the head */ }
            assertThat(run.position()).isEqualTo(head);
            assertThat(run.caughtUp()).as("ended at the position, not by waiting").isFalse();
            assertThat(probed()).containsExactly(before);
            replayToTheHead(run);
            assertThat(probed()).containsExactly(before, after);
        }
    }

    @Test
    void twoWorkersInADeadlock_theOnePostgresqlEndsRunsAgainAfterTheOther_andTheRebuildHasBoth() throws Exception {
        String vendor = tokenFor("vendor");
        String prefix = unique("DL-");
        int threads;
        try (EventReplay.Run probeRun = replay.open(new ProjectionBeans.Group(PROCESSOR, List.of(new Probe()), true, Set.of()),
                SCHEMA, event -> false)) {
            threads = probeRun.threads();
        }
        assertThat(threads).as("a replay of %s over several workers", PROCESSOR).isGreaterThan(1);
        // two products whose events two different workers handle
        String first = prefix + "-A";
        int firstShare = shareOf(product(vendor, first), threads);
        String second = null;
        for (int i = 0; second == null && i < 40; i++) {
            String sku = prefix + "-B" + i;
            if (shareOf(product(vendor, sku), threads) != firstShare) second = sku;
        }
        assertThat(second).as("a product in another share").isNotNull();

        Probe probe = new Probe();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        long lockA = 7_391_001L, lockB = 7_391_002L;
        // each takes one lock, waits till the other holds its own, then asks for the other's: a real deadlock, the
        // first time; a run again takes both without waiting for the other worker
        probe.then.put(first, (db, call) -> {
            lock(db, lockA);
            if (call == 1) await(bothHoldOne);
            lock(db, lockB);
        });
        probe.then.put(second, (db, call) -> {
            lock(db, lockB);
            if (call == 1) await(bothHoldOne);
            lock(db, lockA);
        });
        try (EventReplay.Run run = replay.open(new ProjectionBeans.Group(PROCESSOR, List.of(probe), true, Set.of()),
                SCHEMA, skus(Set.of(first, second)))) {
            replayToTheHead(run);
        }
        assertThat(probed()).as("both committed, each SKU once: the ended transaction's insert was rolled back")
                .containsExactly(first, second);
        int ran = probe.calls.get(first).get() + probe.calls.get(second).get();
        assertThat(ran).as("one of the two ran again").isEqualTo(3);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other worker never came", e);
        }
    }

    @Test
    void aFailureThatIsNotPassingFailsTheRebuildAtOnce() {
        String sku = unique("NP-");
        product(tokenFor("vendor"), sku);
        Probe probe = new Probe();
        probe.then.put(sku, (db, call) -> db.execute("do $$ begin raise exception 'the event is wrong' using errcode = 'check_violation'; end $$"));
        try (EventReplay.Run run = replay.open(new ProjectionBeans.Group(PROCESSOR, List.of(probe), true, Set.of()),
                SCHEMA, skus(Set.of(sku)))) {
            assertThatThrownBy(() -> replayToTheHead(run)).hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageContaining("the event is wrong");
        }
        assertThat(probe.calls.get(sku).get()).as("not run again").isEqualTo(1);
        assertThat(probed()).isEmpty();
    }

    @Test
    void aPassingFailureThatDoesNotPassFailsTheRebuildAfterTheLastAttempt() {
        String sku = unique("SF-");
        product(tokenFor("vendor"), sku);
        Probe probe = new Probe();
        probe.then.put(sku, (db, call) -> db.execute("do $$ begin raise exception 'could not serialize' using errcode = 'serialization_failure'; end $$"));
        try (EventReplay.Run run = replay.open(new ProjectionBeans.Group(PROCESSOR, List.of(probe), true, Set.of()),
                SCHEMA, skus(Set.of(sku)))) {
            assertThatThrownBy(() -> replayToTheHead(run)).hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageContaining("could not serialize");
        }
        assertThat(probe.calls.get(sku).get()).isEqualTo(EventReplay.ATTEMPTS);
        assertThat(probed()).isEmpty();
    }
}
