package dev.stoa.projection.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearch;
import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearchSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * One real Elasticsearch node for the whole test JVM (it takes 10-20 s to start); it stops with the JVM.
 * Each test class isolates itself with its own index prefix.
 */
final class TestElasticsearch {
    /** Every test index starts with it. */
    static final String PREFIX = "test-";

    private static ElasticsearchClient client;

    private TestElasticsearch() {}

    /** A client on the shared node, with the same JSON mapper Spring Boot configures. */
    static synchronized ElasticsearchClient client() {
        if (client == null) {
            EmbeddedElasticsearch node = EmbeddedElasticsearch.start(
                    EmbeddedElasticsearchSettings.defaults(Path.of("target", "test-elasticsearch")));
            RestClient rest = RestClient.builder(HttpHost.create(node.httpUri())).build();
            client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            dropIndicesOfEarlierRuns(client);
        }
        return client;
    }

    /** The data directory survives in target/; test indices of earlier runs would pile up in it. */
    private static void dropIndicesOfEarlierRuns(ElasticsearchClient client) {
        try {
            Set<String> earlier = client.indices().get(g -> g.index(PREFIX + "*")).result().keySet();
            if (!earlier.isEmpty()) client.indices().delete(d -> d.index(List.copyOf(earlier)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SearchIndices uniqueIndices() {
        return new SearchIndices(PREFIX + UUID.randomUUID().toString().substring(0, 8) + "-");
    }
}
