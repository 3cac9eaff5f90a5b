package dev.stoa.testsupport;

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
 * Each test class isolates itself with its own index prefix ({@link #uniquePrefix()}).
 */
public final class TestElasticsearch {
    /** Every test index starts with it. */
    public static final String PREFIX = "test-";

    private static EmbeddedElasticsearch node;
    private static ElasticsearchClient client;

    private TestElasticsearch() {}

    /** The shared client on the shared node, with the same JSON mapper Spring Boot configures. Never close it. */
    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            client = newClient();
            dropIndicesOfEarlierRuns(client);
        }
        return client;
    }

    /** A client of its own on the shared node, for an owner that closes it (a Spring context does). */
    public static synchronized ElasticsearchClient newClient() {
        if (node == null) node = EmbeddedElasticsearch.start(
                EmbeddedElasticsearchSettings.defaults(Path.of("target", "test-elasticsearch")));
        RestClient rest = RestClient.builder(HttpHost.create(node.httpUri())).build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    /** An index-name prefix no other test class uses. */
    public static String uniquePrefix() { return PREFIX + UUID.randomUUID().toString().substring(0, 8) + "-"; }

    /** The data directory survives in target/; test indices of earlier runs would pile up in it. */
    private static void dropIndicesOfEarlierRuns(ElasticsearchClient client) {
        try {
            Set<String> earlier = client.indices().get(g -> g.index(PREFIX + "*")).result().keySet();
            if (!earlier.isEmpty()) client.indices().delete(d -> d.index(List.copyOf(earlier)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
