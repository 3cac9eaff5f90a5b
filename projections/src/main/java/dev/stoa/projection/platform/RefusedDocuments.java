package dev.stoa.projection.platform;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Keeps a search document that Elasticsearch refuses for what it holds (a value its mapping cannot take) from
 * stopping a search projection. The projections write a batch at its end, in one bulk, where a refusal cannot be
 * blamed on one event: the batch failed, came again, failed again, forever, and nothing later was indexed.
 * <p>
 * Now the bulk's document-level refusals are told from the rest ({@link #check}). For each refused document, the
 * first event of the batch that changed it is noted ({@link #noteAndFail}) and the batch fails once. When the batch
 * comes again, that event's handler throws the refusal ({@link #parkIfNoted}) before it records anything: the
 * processor parks the event as a dead letter of its group, with Elasticsearch's reason, and the document's later
 * events queue behind it. This holds because both search processors sequence their events per document (a product's
 * stock and review events with the product's own, a course's reviews with the course's): the queue, whose sequences
 * are the processor's, then holds exactly the document's events, in order. The rest of the batch is written.
 * <p>
 * A parked event is retried in a unit of work of its own, where the projection writes at once ({@link #writeAtOnce}),
 * so a refusal fails that letter alone and it stays parked (a good change blamed with its batch is written, and the
 * refused one behind it stays).
 * <p>
 * Only a refusal of the document itself parks. An index closed, missing, read-only or short of shards refuses every
 * document alike, and fails the batch, which the processor retries in place. So, for a while, do refusals beyond
 * {@value #MAX_PARKED_PER_WINDOW} documents within {@link #WINDOW}, which look like a fault of the index though ES
 * blames each document (an index whose mapping does not fit the code, after an upgrade): parking them all would only
 * fill the dead-letter queue, whose limit (1024 sequences) then stops the processor too. Notes live in memory, per
 * process: after a restart, or in another process, the batch fails once more first. A rebuild's replay does not park:
 * it fails on such an event (evict its letters first, as for any parked event).
 */
public final class RefusedDocuments {
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";
    private static final int MAX_NOTED = 10_000;
    static final int MAX_PARKED_PER_WINDOW = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** When documents were noted lately (at most {@value #MAX_PARKED_PER_WINDOW}, within {@link #WINDOW}). */
    private final Deque<Instant> lately = new ArrayDeque<>();
    private final Clock clock;
    /** event id → the refusal its handler throws when it comes again */
    private final Map<String, DocumentRefused> parkOnNextAttempt = new ConcurrentHashMap<>();
    private final String what;

    /** @param what how the index is named in messages ("search index", "course index") */
    public RefusedDocuments(String what) { this(what, Clock.systemUTC()); }

    RefusedDocuments(String what, Clock clock) {
        this.what = what;
        this.clock = clock;
    }

    /** Elasticsearch refused the search document: thrown from the handler of the event to park. */
    public static final class DocumentRefused extends IllegalStateException {
        public DocumentRefused(String message) { super(message); }
    }

    /**
     * The bulk's documents refused for themselves, by id, with Elasticsearch's reason. Throws for any other failure
     * (a version conflict is none: the index is newer): the batch then comes again as a whole.
     */
    public static Map<String, String> check(String what, List<BulkResponseItem> items) {
        Map<String, String> refused = new LinkedHashMap<>();
        List<String> others = items.stream().filter(item -> item.error() != null)
                .filter(item -> !VERSION_CONFLICT.equals(item.error().type()))
                .filter(item -> {
                    if (!documentsOwn(item.error().type(), item.error().reason())) return true;
                    refused.put(item.id(), describe(item));
                    return false;
                }).map(RefusedDocuments::describe).toList();
        if (!others.isEmpty()) throw new IllegalStateException(what + " writes failed: " + others);
        return refused;
    }

    /**
     * Whether Elasticsearch refused the document for what it holds: a value that does not parse into its field (text
     * in a number), or a term too long to index. Never a state of the index, nor a field the mapping lacks (a fault of
     * this code, which every such document shares).
     */
    static boolean documentsOwn(String type, String reason) {
        return switch (type) {
            case "document_parsing_exception", "mapper_parsing_exception" -> true;
            case "illegal_argument_exception" -> reason != null && reason.contains("immense term");
            default -> false;
        };
    }

    private static String describe(BulkResponseItem item) {
        return item.id() + " (" + item.status() + " " + item.error().type() + ": " + item.error().reason() + ")";
    }

    /** Throws the refusal noted for the event now handled in a live batch, once: the processor parks it. */
    public void parkIfNoted() {
        if (!CurrentUnitOfWork.isStarted()) return;
        DocumentRefused refusal = parkOnNextAttempt.remove(CurrentUnitOfWork.get().getMessage().getIdentifier());
        if (refusal != null) throw refusal;
    }

    /** The id of the event now handled (null outside a unit of work: no batch, nothing to note). */
    public static String currentEvent() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage().getIdentifier() : null;
    }

    /**
     * Whether a change is written in its handler: outside a unit of work (no batch to join), or in the retry of a
     * parked event (Axon's retry task puts the letter among its unit of work's resources), where a refusal must fail
     * that letter, not the whole retry at its end.
     */
    public static boolean writeAtOnce() {
        return !CurrentUnitOfWork.isStarted()
                || CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    /** After a write in the handler: a refused document fails the event, which is parked (or stays parked). */
    public void failIfRefused(Map<String, String> refused) {
        if (!refused.isEmpty()) throw new DocumentRefused(what + " refused " + String.join(", ", refused.values()));
    }

    /**
     * After a batch's bulk: for each refused document, notes the batch's first event that changed it, and fails the
     * batch, which the processor retries; those events are then parked.
     *
     * @param firstEventOf a refused document's id → the id of the batch's first event that changed it
     */
    public void noteAndFail(Map<String, String> refused, Function<String, String> firstEventOf) {
        if (refused.isEmpty()) return;
        if (!mayPark(refused.size()))
            throw new IllegalStateException(what + " refused more than " + MAX_PARKED_PER_WINDOW + " documents within "
                    + WINDOW.toMinutes() + " minutes, taken as a fault of the index (a mapping that does not fit?), "
                    + "retried in place: " + refused.values());
        if (parkOnNextAttempt.size() >= MAX_NOTED) parkOnNextAttempt.clear(); // a storm: relearn
        refused.forEach((id, reason) -> {
            String event = firstEventOf.apply(id);
            if (event != null) parkOnNextAttempt.put(event, new DocumentRefused(what + " refused " + reason));
        });
        throw new IllegalStateException(what + " refused " + refused.size() + " document(s), "
                + String.join(", ", refused.keySet()) + "; a processor parks the events that changed them when the batch "
                + "comes again (a rebuild fails on them: evict their letters first)");
    }

    /** Whether {@code documents} more may be parked now; counts them if so. */
    private synchronized boolean mayPark(int documents) {
        Instant now = clock.instant();
        while (!lately.isEmpty() && lately.peekFirst().isBefore(now.minus(WINDOW))) lately.removeFirst();
        if (lately.size() + documents > MAX_PARKED_PER_WINDOW) return false;
        for (int i = 0; i < documents; i++) lately.addLast(now);
        return true;
    }

    /** A reset replays every event into an empty index: nothing noted before applies. */
    public synchronized void forget() {
        parkOnNextAttempt.clear();
        lately.clear();
    }
}
