package dev.stoa.projection.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the products index with its mapping, and drops it for a replay. Creation is idempotent and safe when
 * several processes start at once: whoever loses the race gets "resource_already_exists_exception", which is fine.
 */
@Component
public class SearchIndexAdmin {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexAdmin.class);

    private final ElasticsearchClient client;
    private final SearchIndices indices;
    /** Set once the index is known to exist, so that the projection's flushes skip the check. */
    private volatile boolean ensured;

    public SearchIndexAdmin(ElasticsearchClient client, SearchIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    public SearchIndices indices() { return indices; }

    /** Creates the products index unless it exists. Called lazily before writes: ES may start after the app. */
    public void ensureIndex() {
        if (ensured) return;
        String index = indices.products();
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index).withJson(new StringReader(ProductIndexMapping.JSON)));
                log.info("Created search index {}", index);
            }
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create search index " + index, e);
        }
        ensured = true;
    }

    /** Drops and recreates the products index: a replay rebuilds every document from the first event. */
    public void recreateIndex() {
        String index = indices.products();
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
            log.info("Dropped search index {} for a rebuild", index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop search index " + index, e);
        }
        ensured = false;
        ensureIndex();
    }
}
