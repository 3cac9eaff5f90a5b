package dev.stoa.app.platform.replay;

import dev.stoa.app.platform.deadletter.EvictedEvents;
import jakarta.persistence.EntityManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import dev.stoa.app.platform.deadletter.Outages;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a processor's own event handlers over the event log, in position order, into the tables of another schema:
 * each batch is one transaction whose {@code search_path} puts that schema first, so the unchanged JPA code of the
 * projection writes the new tables while reading every other table (personal-data keys) where it always does. The
 * log is read through Axon ({@code EventStore.openStream}), with the store's own tokens: the JPA store's gap-aware
 * token does not skip an event whose transaction commits late, and Axon Server streams the same way. The handlers are
 * the projection beans themselves behind a plain {@link AnnotationEventHandlerAdapter} with Axon's parameter
 * resolvers, without the processor's dead-letter and per-handler flush wrapping (a failing event fails the run). A
 * transaction that fails for a passing reason (a deadlock between two workers, a serialization failure, PostgreSQL or
 * Elasticsearch briefly unreachable: what {@link Outages} calls an outage) is rolled back and run again, whole, up to
 * {@value #ATTEMPTS} times in all.
 */
@Component
public class EventReplay {
    private static final Logger log = LoggerFactory.getLogger(EventReplay.class);
    /** Runs of one share's transaction, the first included, before a passing failure fails the run. */
    static final int ATTEMPTS = 5;
    /** The wait before the second run of a share's transaction; doubled before each further one. */
    private static final long FIRST_WAIT_MS = 100;
    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Events read from the log ahead of the batch being handled. */
    private static final int READ_AHEAD = 4096;

    private record Failure(Throwable cause) {}
    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final EntityManager entityManager;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final int jdbcBatchSize;
    private final int flushEvery;
    private final int workers;
    private final EvictedEvents evicted;

    public EventReplay(EventStore eventStore, PlatformTransactionManager transactionManager, EntityManager entityManager,
                       ObjectProvider<org.axonframework.config.Configuration> axon, EvictedEvents evicted,
                       @org.springframework.beans.factory.annotation.Value("${stoa.replay.jdbc-batch-size:500}") int jdbcBatchSize,
                       @org.springframework.beans.factory.annotation.Value("${stoa.replay.flush-every:100}") int flushEvery,
                       @org.springframework.beans.factory.annotation.Value("${stoa.replay.workers:4}") int workers) {
        if (workers < 1) throw new IllegalArgumentException("stoa.replay.workers must be at least 1, not " + workers);
        this.eventStore = eventStore;
        this.evicted = evicted;
        this.workers = workers;
        this.jdbcBatchSize = jdbcBatchSize;
        this.flushEvery = flushEvery;
        this.transactions = new TransactionTemplate(transactionManager);
        this.entityManager = entityManager;
        this.axon = axon;
    }

    /**
     * Opens a run of {@code group}'s handlers from the start of the log, for the events {@code include} accepts, writing
     * into {@code schema} (null: no schema of its own, for handlers that write elsewhere, such as the search index).
     */
    public Run open(ProjectionBeans.Group group, String schema, Predicate<EventMessage<?>> include) {
        // what an admin evicted from the processor's dead letters it skipped live, and skips here too
        Set<String> evictedIds = evicted.of(group.processor());
        if (!evictedIds.isEmpty()) {
            log.info("Replay of {}: skips {} evicted event(s)", group.processor(), evictedIds.size());
            include = include.and(e -> !evictedIds.contains(e.getIdentifier()));
        }
        if (schema != null && !SCHEMA.matcher(schema).matches()) throw new IllegalArgumentException("not a schema name: " + schema);
        var config = axon.getObject();
        var resolvers = config.parameterResolverFactory();
        List<EventMessageHandler> handlers = new ArrayList<>();
        group.beans().forEach(bean -> handlers.add(new AnnotationEventHandlerAdapter(bean, resolvers)));
        SequencingPolicy<? super EventMessage<?>> sequencing =
                config.eventProcessingConfiguration().sequencingPolicy(group.processor());
        int threads = liveSegments(config, group.processor()) > 1 ? workers : 1;
        return new Run(group.processor(), handlers, sequencing, threads, schema, include, eventStore.openStream(null));
    }

    /**
     * How many segments the processor's events are shared over live (its token store's). A processor of one segment
     * sees its events in log order, and its handlers may count on it (a review after its course, an erasure after the
     * orders it anonymises): its replay keeps that order, on one worker. A processor of several segments already
     * handles different sequences in any order and in transactions of their own, so its replay may too.
     */
    private int liveSegments(org.axonframework.config.Configuration config, String processor) {
        var tokens = config.eventProcessingConfiguration().tokenStore(processor);
        Integer segments = transactions.execute(status -> tokens.fetchSegments(processor).length);
        return segments == null ? 0 : segments;
    }

    /** Runs {@code work} in one transaction that reads and writes {@code schema} first. */
    public <T> T inSchema(String schema, java.util.function.Supplier<T> work) {
        if (!SCHEMA.matcher(schema).matches()) throw new IllegalArgumentException("not a schema name: " + schema);
        return transactions.execute(status -> {
            searchPath(schema);
            return work.get();
        });
    }

    private void searchPath(String schema) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement set = connection.createStatement()) {
                set.execute("set local search_path = " + schema + ", public");
            }
        });
    }

    /**
     * One replay: batches of events from the log, each committed into the schema. For a processor of several segments, a
     * batch's events are handed to {@code stoa.replay.workers} threads by its own sequencing policy, as its segments
     * share them live (a processor of one segment: one thread, log order):
     * the events of one sequence (an aggregate, or what the policy groups) go to one worker, in log order; each worker
     * commits its share in a transaction of its own, and the next batch starts when every worker is done. A rebuild that
     * fails is thrown away whole, so a batch half committed by some workers is never seen. A reader thread of its own
     * takes the events from the stream ahead of the batches (at most {@value #READ_AHEAD}); what it read beyond the
     * last batch is dropped at the close, the token being the last handled event's.
     */
    public final class Run implements AutoCloseable {
        private final String processor;
        private final List<EventMessageHandler> handlers;
        private final SequencingPolicy<? super EventMessage<?>> sequencing;
        private final int threads;
        private ExecutorService pool;
        private final Map<Class<?>, List<EventMessageHandler>> byType = new ConcurrentHashMap<>();
        private final String schema;
        private final Predicate<EventMessage<?>> include;
        private final BlockingStream<TrackedEventMessage<?>> stream;
        /** Events the reader thread took from the stream ahead of the batches, or the {@link Failure} that stopped it. */
        private final BlockingQueue<Object> readAhead = new ArrayBlockingQueue<>(READ_AHEAD);
        private final Thread reader;
        private volatile boolean closing;
        private TrackingToken token;
        private long read;
        private boolean caughtUp;

        private Run(String processor, List<EventMessageHandler> handlers, SequencingPolicy<? super EventMessage<?>> sequencing,
                    int threads, String schema, Predicate<EventMessage<?>> include, BlockingStream<TrackedEventMessage<?>> stream) {
            this.processor = processor;
            this.handlers = handlers;
            this.sequencing = sequencing;
            this.threads = threads;
            this.schema = schema;
            this.include = include;
            this.stream = stream;
            this.reader = Thread.ofPlatform().name("replay-" + processor + "-reader").daemon().start(this::read);
        }

        /**
         * Replays up to {@code max} events in one transaction; stops early (and is then {@link #caughtUp}) when no
         * event comes within {@code idle}. Returns how many events it read.
         */
        public int batch(int max, Duration idle) { return batch(max, idle, Long.MAX_VALUE); }

        /**
         * As {@link #batch(int, Duration)}, and ends once it has read the event at position {@code until} or past it:
         * a rebuild's last step reads what the log held when the live processor stopped, without waiting for a whole
         * batch of what comes after (under steady writes that wait kept the live read model stopped for 6 to 12 s, a
         * walkthrough's replays, 2026-12-06).
         */
        public int batch(int max, Duration idle, long until) {
            caughtUp = false;
            List<TrackedEventMessage<?>> events = new ArrayList<>(Math.min(max, 10_000));
            try {
                while (events.size() < max) {
                    Object next = readAhead.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
                    if (next == null) {
                        caughtUp = true;
                        break;
                    }
                    if (next instanceof Failure failure) {
                        readAhead.offer(failure); // for any later call too
                        throw new IllegalStateException("reading the event log failed: " + failure.cause().getMessage(), failure.cause());
                    }
                    TrackedEventMessage<?> event = (TrackedEventMessage<?>) next;
                    events.add(event);
                    if (event.trackingToken().position().orElse(-1) >= until) break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("replay interrupted", e);
            }
            List<List<TrackedEventMessage<?>>> shares = shares(events.stream().filter(this::handles).toList());
            if (shares.size() == 1) commit(shares.get(0));
            else if (shares.size() > 1) commitInParallel(shares);
            if (!events.isEmpty()) token = events.get(events.size() - 1).trackingToken();
            read += events.size();
            return events.size();
        }

        /**
         * The reader thread: takes events from the stream in log order while the workers handle the batch before, so
         * that reading (a query per hundred events, and building their messages) overlaps their handling.
         */
        private void read() {
            try {
                // short waits, not an interrupt, end it: the store's streams swallow interrupts
                while (!closing) {
                    if (!stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) continue;
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    while (!closing && !readAhead.offer(event, 100, TimeUnit.MILLISECONDS)) { /* the batches lag */ }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                readAhead.clear();
                readAhead.offer(new Failure(e));
            }
        }

        /** The events split by sequence over the workers, in log order within each share; empty shares left out. */
        private List<List<TrackedEventMessage<?>>> shares(List<TrackedEventMessage<?>> handled) {
            if (threads == 1 || handled.size() < 2) return handled.isEmpty() ? List.of() : List.of(handled);
            List<List<TrackedEventMessage<?>>> shares = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) shares.add(new ArrayList<>());
            for (TrackedEventMessage<?> event : handled) {
                Object sequence = sequencing.getSequenceIdentifierFor(event);
                shares.get(Math.floorMod(Objects.hashCode(sequence == null ? event.getIdentifier() : sequence), threads)).add(event);
            }
            shares.removeIf(List::isEmpty);
            return shares;
        }

        private void commitInParallel(List<List<TrackedEventMessage<?>>> shares) {
            if (pool == null)
                pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("replay-" + processor + "-", 1).daemon().factory());
            List<Future<?>> running = new ArrayList<>(shares.size());
            for (List<TrackedEventMessage<?>> share : shares) running.add(pool.submit(() -> commit(share)));
            RuntimeException failure = null;
            try {
                for (Future<?> share : running) {
                    try {
                        share.get();
                    } catch (ExecutionException e) {
                        if (failure == null) failure = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                    }
                }
            } catch (InterruptedException e) {
                running.forEach(share -> share.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("replay interrupted", e);
            }
            if (failure != null) throw failure;
        }

        /**
         * One transaction: the events' handlers writing into the schema. One that fails for a passing reason is run
         * again from its first event: its rollback undid all it wrote (in PostgreSQL; the index's writes are by id and
         * simply made again). Workers commit apart, so two erasures in two workers' shares, each waiting for the other's
         * buyer lock (see the order read model), end with PostgreSQL ending one; that one runs again once the other has
         * committed, and sees its writes.
         */
        private void commit(List<TrackedEventMessage<?>> events) {
            for (int attempt = 1; ; attempt++) {
                try {
                    transactions.executeWithoutResult(status -> {
                        if (schema != null) searchPath(schema);
                        // the inserts and updates go in JDBC batches (this session only; the live processors' handlers
                        // flush after each event anyway)
                        entityManager.unwrap(Session.class).setJdbcBatchSize(jdbcBatchSize);
                        handle(events);
                    });
                    return;
                } catch (RuntimeException e) {
                    if (attempt == ATTEMPTS || closing || Thread.currentThread().isInterrupted() || !Outages.isOutage(e)) throw e;
                    long wait = FIRST_WAIT_MS << (attempt - 1);
                    log.warn("Replay of {}: a transaction of {} events failed for a passing reason ({}); running it again "
                            + "in {} ms ({} of {})", processor, events.size(), reason(e), wait, attempt + 1, ATTEMPTS);
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("replay interrupted", interrupted);
                    }
                }
            }
        }

        /** The innermost cause's type and SQL state: what failed, without the values a message may quote. */
        private static String reason(Throwable e) {
            Throwable root = e;
            String state = null;
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                root = t;
                if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) state = sql.getSQLState();
            }
            return root.getClass().getSimpleName() + (state == null ? "" : ", SQL state " + state);
        }

        private boolean handles(TrackedEventMessage<?> event) {
            List<EventMessageHandler> targets = byType.computeIfAbsent(event.getPayloadType(),
                    type -> handlers.stream().filter(h -> h.canHandleType(type)).toList());
            return !targets.isEmpty() && include.test(event);
        }

        /** One unit of work for the batch, as a processor's: handlers that write at its commit (the index) write once. */
        private void handle(List<TrackedEventMessage<?>> events) {
            int[] sinceFlush = {0};
            ResultMessage<?> result = new BatchingUnitOfWork<>(events).executeWithResult(() -> {
                EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
                if (schema != null && ++sinceFlush[0] > flushEvery) {
                    // a small persistence context: Hibernate's flush before each query a handler makes checks every
                    // entity it holds, which over a whole batch grows with the square of its size
                    entityManager.flush();
                    entityManager.clear();
                    sinceFlush[0] = 1;
                }
                try {
                    for (EventMessageHandler handler : byType.get(event.getPayloadType())) {
                        if (handler.canHandle(event)) handler.handle(event);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("replaying " + event.getPayloadType().getSimpleName() + " "
                            + event.getIdentifier() + " failed: " + e.getMessage(), e);
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                Throwable failure = result.exceptionResult();
                throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure.getMessage(), failure);
            }
        }

        /** The token of the last event read (null before the first). */
        public TrackingToken token() { return token; }

        /** The log position of the last event read, -1 before the first. */
        public long position() { return token == null ? -1 : token.position().orElse(-1); }

        public long eventsRead() { return read; }

        /** The threads (and transactions) a batch is shared over: 1 for a processor of one segment. */
        public int threads() { return threads; }

        /** Whether the last batch ended because the log had nothing more for a while. */
        public boolean caughtUp() { return caughtUp; }

        @Override
        public void close() {
            closing = true;
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stream.close();
            if (pool != null) pool.shutdownNow();
        }
    }
}
