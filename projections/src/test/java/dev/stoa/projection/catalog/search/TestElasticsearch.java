package dev.stoa.projection.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearch;
import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearchSettings;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * One real Elasticsearch node for the whole test JVM (it takes 10-20 s to start); it stops with the JVM.
 * Each test class isolates itself with its own index prefix.
 */
final class TestElasticsearch {
    private static ElasticsearchClient client;

    private TestElasticsearch() {}

    /** A client on the shared node, with the same JSON mapper Spring Boot configures. */
    static synchronized ElasticsearchClient client() {
        if (client == null) {
            EmbeddedElasticsearch node = EmbeddedElasticsearch.start(
                    EmbeddedElasticsearchSettings.defaults(Path.of("target", "test-elasticsearch")));
            RestClient rest = RestClient.builder(HttpHost.create(node.httpUri())).build();
            client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        }
        return client;
    }

    static SearchIndices uniqueIndices() {
        return new SearchIndices("test-" + UUID.randomUUID().toString().substring(0, 8) + "-");
    }
}
