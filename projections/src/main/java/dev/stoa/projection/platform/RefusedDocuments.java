package dev.stoa.projection.platform;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Search documents Elasticsearch refused for themselves (a 4xx other than a version conflict or a rate limit: a value
 * it cannot store, a field its mapping cannot take), so that one such document cannot stop a search projection. The
 * projections write a batch once, at its end, where a failure cannot be blamed on one event: the batch would fail and
 * come again, forever, and nothing later would be indexed. Instead, the ids of the refused documents are noted
 * ({@link #flush}) and the batch fails once; when it comes again, each change to a noted document is written in its
 * own event's handler ({@link #suspect}), so a refusal fails that event alone, which the processor parks as a dead
 * letter (with its cause, for an operator: list, retry, evict); the rest of the batch is written as usual. Notes live in
 * memory: after a restart a refused document fails its batch once more and is noted again.
 */
public final class RefusedDocuments {
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /** A bulk write's items that Elasticsearch refused for the document itself. */
    public static final class Refused extends IllegalStateException {
        private final Set<String> ids;

        public Refused(String message, Set<String> ids) {
            super(message);
            this.ids = Set.copyOf(ids);
        }

        public Set<String> ids() { return ids; }
    }

    /**
     * Throws for a bulk response's failed items (a version conflict is none: the index is newer): {@link Refused} when
     * every failure is the document's own (a 4xx), so its ids are noted; an {@link IllegalStateException} otherwise (a
     * shard unavailable, a rate limit: the batch comes again as a whole).
     */
    public static void check(String what, List<BulkResponseItem> items) {
        List<BulkResponseItem> failed = items.stream()
                .filter(item -> item.error() != null && !VERSION_CONFLICT.equals(item.error().type())).toList();
        if (failed.isEmpty()) return;
        String message = what + " writes failed: " + failed.stream().map(item -> item.id() + " (" + item.status() + " "
                + item.error().type() + ": " + item.error().reason() + ")").collect(Collectors.joining(", "));
        if (failed.stream().allMatch(RefusedDocuments::documentsOwn))
            throw new Refused(message, failed.stream().map(BulkResponseItem::id).collect(Collectors.toSet()));
        throw new IllegalStateException(message);
    }

    private static boolean documentsOwn(BulkResponseItem item) {
        return item.status() >= 400 && item.status() < 500 && item.status() != 429 && item.status() != 408;
    }

    /** Runs a batch's write; the documents it had refused are noted, and the failure goes on (the batch comes again). */
    public void flush(Runnable write) {
        try {
            write.run();
        } catch (Refused refused) {
            ids.addAll(refused.ids());
            throw refused;
        }
    }

    /** Whether a change to this document is to be written in its event's handler (it was refused in a batch). */
    public boolean suspect(String id) { return ids.contains(id); }

    /** Written on its own without a refusal: its changes join the batch again. */
    public void cleared(String id) { ids.remove(id); }
}
