package dev.stoa.projection.learning.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import dev.stoa.projection.catalog.search.SearchIndices;
import dev.stoa.projection.catalog.search.VersionedIndex;
import dev.stoa.projection.platform.RefusedDocuments;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The courses index (an alias over versions, {@link VersionedIndex}): created on first write, a new version for a reset, written a batch at a time (one mget for the
 * documents the batch builds on, one bulk). Each document's external version is the global position of the last
 * event it reflects, so redeliveries and replays never overwrite newer state.
 */
@Component
public class CourseIndex {
    private static final Logger log = LoggerFactory.getLogger(CourseIndex.class);

    private final ElasticsearchClient client;
    private final String index;
    private final VersionedIndex versions;
    private volatile boolean ensured;

    public CourseIndex(ElasticsearchClient client, SearchIndices indices) {
        this.client = client;
        this.index = indices.courses();
        this.versions = indices.fixed() ? null : new VersionedIndex(client, index, CourseIndexMapping.JSON);
        this.ensured = indices.fixed();
    }

    /** For a rebuild: writes go to this concrete index, which the rebuild created and will switch the alias to. */
    public static CourseIndex writingTo(ElasticsearchClient client, String index) {
        return new CourseIndex(client, SearchIndices.named(null, index));
    }

    /** The alias and its versions (null for an index {@link #writingTo} one concrete index). */
    public VersionedIndex versions() { return versions; }

    /** One event's effect on one course document; {@code creates}: the creation, which needs no stored document. */
    record Change(String courseId, long position, boolean creates, UnaryOperator<CourseDocument> apply, String eventId) {}

    private record Versioned(CourseDocument document, long version) {}

    /** Writes the changes; answers the documents Elasticsearch refused for themselves (id → its reason). */
    Map<String, String> write(List<Change> changes) {
        if (changes.isEmpty()) return Map.of();
        ensure();
        Map<String, Versioned> stored = load(changes.stream().filter(c -> !c.creates()).map(Change::courseId)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
        Map<String, Versioned> changed = new LinkedHashMap<>();
        for (Change change : changes) {
            Versioned before = changed.containsKey(change.courseId()) ? changed.get(change.courseId())
                    : change.creates() ? null : stored.get(change.courseId());
            if (before != null && change.position() <= before.version()) continue; // the index has it already
            if (before == null && !change.creates()) {
                log.warn("No search document for course {} at position {}; change skipped", change.courseId(),
                        change.position());
                continue;
            }
            changed.put(change.courseId(), new Versioned(
                    change.apply().apply(before == null ? null : before.document()), change.position()));
        }
        if (changed.isEmpty()) return Map.of();
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        changed.forEach((id, doc) -> bulk.operations(op -> op.index(i -> i.index(index).id(id)
                .document(doc.document()).version(doc.version()).versionType(VersionType.External))));
        BulkResponse response = call(() -> client.bulk(bulk.build()));
        return response.errors() ? RefusedDocuments.check("course index", response.items()) : Map.of();
    }

    private Map<String, Versioned> load(Set<String> ids) {
        Map<String, Versioned> found = new HashMap<>();
        if (ids.isEmpty()) return found;
        MgetResponse<CourseDocument> response = call(() -> client.mget(
                m -> m.index(index).ids(List.copyOf(ids)), CourseDocument.class));
        for (MultiGetResponseItem<CourseDocument> item : response.docs()) {
            if (item.isFailure()) throw new IllegalStateException("cannot read course document " + item.failure().id());
            GetResult<CourseDocument> doc = item.result();
            if (doc.found()) found.put(doc.id(), new Versioned(doc.source(), doc.version()));
        }
        return found;
    }

    void ensure() {
        if (ensured) return;
        versions.ensure();
        ensured = true;
    }

    /** Points the alias at a new empty version: a replay rebuilds every document from the first event. */
    void recreate() {
        if (versions == null) return;
        versions.recreate();
        ensured = true;
    }

    private interface EsCall<T> { T run() throws IOException; }

    private static <T> T call(EsCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }
}
