package dev.stoa.projection.catalog.search;

import dev.stoa.testsupport.TestElasticsearch;
import dev.stoa.testsupport.EventBatch;
import static dev.stoa.projection.catalog.search.ProductEvents.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.stoa.api.catalog.ProductId;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Index lifecycle: concurrent creation, the reset of a replay, and failures that must fail the batch. */
class SearchIndexAdminTest {
    static ElasticsearchClient client;

    @BeforeAll
    static void startElasticsearch() {
        client = TestElasticsearch.client();
    }

    @Test
    void ensureIndex_isSafeWhenSeveralProcessesStartAtOnce() throws IOException {
        SearchIndices indices = new SearchIndices(TestElasticsearch.uniquePrefix());
        var starts = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(() -> new SearchIndexAdmin(client, indices).ensureIndex()))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(starts).join();

        assertThat(client.indices().existsAlias(e -> e.name(indices.products())).value()).isTrue();
        assertThat(client.indices().getAlias(g -> g.name(indices.products())).result()).hasSize(1);
    }

    @Test
    void reset_dropsEveryDocumentAndKeepsTheMapping() throws Throwable {
        SearchIndices indices = new SearchIndices(TestElasticsearch.uniquePrefix());
        var projection = new ProductSearchProjection(client, new SearchIndexAdmin(client, indices));
        EventBatch.to(projection).at(1, created(ProductId.random(), "Lamp", "Lumo", 900)).handle();

        projection.onReset();

        assertThat(client.count(c -> c.index(indices.products())).count()).isZero();
        // the alias points at one (new) version, whose mapping is the products mapping
        var versions = client.indices().getMapping(m -> m.index(indices.products())).result();
        assertThat(versions).hasSize(1);
        var mapping = versions.values().iterator().next();
        assertThat(mapping.mappings().properties().get("suggest").isCompletion()).isTrue();
    }

    @Test
    void givenIndexUnwritable_whenBatchHandled_thenTheBatchFails() throws Throwable {
        SearchIndices indices = new SearchIndices(TestElasticsearch.uniquePrefix());
        var projection = new ProductSearchProjection(client, new SearchIndexAdmin(client, indices));
        EventBatch.to(projection).at(1, created(ProductId.random(), "Lamp", "Lumo", 900)).handle();
        client.indices().close(c -> c.index(indices.products()));

        assertThatThrownBy(EventBatch.to(projection).at(2, created(ProductId.random(), "Rug", "Lumo", 5000))::handle)
                .isInstanceOf(RuntimeException.class).hasMessageContaining("index_closed_exception");
    }
}
