package dev.stoa.projection.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import dev.stoa.projection.platform.RefusedDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch of changes to the index in two requests: one {@code mget} for the documents the batch builds on,
 * one {@code bulk} for the results. Each document's external version is the global position of the last event it
 * reflects, so a write that is older than (or as old as) what the index holds is refused by ES: replays and
 * redeliveries never overwrite newer state, and repeating a batch is harmless. A document Elasticsearch refuses for
 * what it holds is answered, not thrown ({@link RefusedDocuments}); any other failure throws.
 */
final class ProductIndexWriter {
    private static final Logger log = LoggerFactory.getLogger(ProductIndexWriter.class);

    private final ElasticsearchClient client;
    private final SearchIndexAdmin admin;
    private final Refresh refresh;

    ProductIndexWriter(ElasticsearchClient client, SearchIndexAdmin admin, Refresh refresh) {
        this.client = client;
        this.admin = admin;
        this.refresh = refresh;
    }

    private record Versioned(ProductDocument document, long version) {}

    /** Writes the changes; answers the documents Elasticsearch refused for themselves (id → its reason). */
    Map<String, String> write(List<PendingChange> changes) {
        if (changes.isEmpty()) return Map.of();
        admin.ensureIndex();
        Map<String, Versioned> stored = load(idsNotCreatedIn(changes));
        Map<String, Versioned> changed = new LinkedHashMap<>();
        for (PendingChange change : changes) {
            String id = change.productId();
            Versioned before = changed.containsKey(id) ? changed.get(id) : stored.get(id);
            if (before != null && change.position() <= before.version()) continue; // the index has it already
            if (before == null && !change.creates()) {
                log.warn("No search document for product {} at position {}; change skipped", id, change.position());
                continue;
            }
            ProductDocument after = change.apply().apply(before == null ? null : before.document());
            changed.put(id, new Versioned(after, change.position()));
        }
        return index(changed);
    }

    /** A product created within the batch has its whole history in the batch: no need to read it. */
    private static Set<String> idsNotCreatedIn(List<PendingChange> changes) {
        Set<String> created = new HashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        for (PendingChange change : changes) {
            if (change.creates()) created.add(change.productId());
            else if (!created.contains(change.productId())) ids.add(change.productId());
        }
        return ids;
    }

    private Map<String, Versioned> load(Set<String> ids) {
        Map<String, Versioned> found = new HashMap<>();
        if (ids.isEmpty()) return found;
        MgetResponse<ProductDocument> response = call(() -> client.mget(
                m -> m.index(admin.indices().products()).ids(List.copyOf(ids)), ProductDocument.class));
        for (MultiGetResponseItem<ProductDocument> item : response.docs()) {
            if (item.isFailure()) throw new IllegalStateException("cannot read search document " + item.failure().id()
                    + ": " + item.failure().error().reason());
            GetResult<ProductDocument> doc = item.result();
            if (doc.found()) found.put(doc.id(), new Versioned(doc.source(), doc.version()));
        }
        return found;
    }

    private Map<String, String> index(Map<String, Versioned> documents) {
        if (documents.isEmpty()) return Map.of();
        String index = admin.indices().products();
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(refresh);
        documents.forEach((id, doc) -> bulk.operations(op -> op.index(i -> i.index(index).id(id)
                .document(doc.document()).version(doc.version()).versionType(VersionType.External))));
        BulkResponse response = call(() -> client.bulk(bulk.build()));
        // "a newer version is there" is no failure; any but a document's own fails the batch, which comes again
        return response.errors() ? RefusedDocuments.check("search index", response.items()) : Map.of();
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
