package dev.stoa.projection.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests a client sends, by endpoint ("bulk", "mget", ...), to check how a batch is written. */
final class CountingTransport implements ElasticsearchTransport {
    private final ElasticsearchTransport delegate;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    private CountingTransport(ElasticsearchTransport delegate) { this.delegate = delegate; }

    static CountingTransport over(ElasticsearchClient client) { return new CountingTransport(client._transport()); }

    ElasticsearchClient client() { return new ElasticsearchClient(this); }

    int count(String endpoint) { return counts.getOrDefault(endpoint, new AtomicInteger()).get(); }

    @Override
    public <Q, R, E> R performRequest(Q request, Endpoint<Q, R, E> endpoint, TransportOptions options)
            throws IOException {
        count(endpoint);
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public <Q, R, E> CompletableFuture<R> performRequestAsync(Q request, Endpoint<Q, R, E> endpoint,
                                                              TransportOptions options) {
        count(endpoint);
        return delegate.performRequestAsync(request, endpoint, options);
    }

    /** Endpoint ids look like "es/bulk"; counted by their last part. */
    private void count(Endpoint<?, ?, ?> endpoint) {
        String id = endpoint.id().substring(endpoint.id().lastIndexOf('/') + 1);
        counts.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public JsonpMapper jsonpMapper() { return delegate.jsonpMapper(); }

    @Override
    public TransportOptions options() { return delegate.options(); }

    @Override
    public void close() {} // the shared client owns the connection
}
