package dev.stoa.projection.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.stereotype.Component;

/**
 * The products index: an alias over versioned indices ({@link VersionedIndex}), created (or migrated from a concrete
 * index of that name) on first use; a reset points it at a new empty version. Creation is safe when several processes
 * start at once: whoever loses the race gets "resource_already_exists_exception", which is fine.
 */
@Component
public class SearchIndexAdmin {
    private final SearchIndices indices;
    private final VersionedIndex products;
    /** Set once the index is known to exist, so that the projection's flushes skip the check. */
    private volatile boolean ensured;

    public SearchIndexAdmin(ElasticsearchClient client, SearchIndices indices) {
        this.indices = indices;
        this.products = indices.fixed() ? null : new VersionedIndex(client, indices.products(), ProductIndexMapping.JSON);
        this.ensured = indices.fixed();
    }

    /** For a rebuild: writes go to this concrete index, which the rebuild created and will switch the alias to. */
    public static SearchIndexAdmin writingTo(ElasticsearchClient client, String index) {
        return new SearchIndexAdmin(client, SearchIndices.named(index, null));
    }

    public SearchIndices indices() { return indices; }

    /** The alias and its versions (null for an admin {@link #writingTo} one concrete index). */
    public VersionedIndex versions() { return products; }

    /** Creates the products index unless it exists. Called lazily before writes: ES may start after the app. */
    public void ensureIndex() {
        if (ensured) return;
        products.ensure();
        ensured = true;
    }

    /** Points the alias at a new empty version: a replay rebuilds every document from the first event. */
    public void recreateIndex() {
        if (products == null) return;
        products.recreate();
        ensured = true;
    }
}
