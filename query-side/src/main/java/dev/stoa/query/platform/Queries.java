package dev.stoa.query.platform;

import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The one way the query HTTP API asks a query: through the query bus, unwrapping async failures; public catalog
 * queries through {@link ReadCache} first.
 */
@Component
public class Queries {
    private final QueryGateway gateway;
    private final ReadCache cache;

    public Queries(QueryGateway gateway, ReadCache cache) {
        this.gateway = gateway;
        this.cache = cache;
    }

    /** A query whose answer is the same for everyone, from the cache while it is valid (see {@link ReadCache}). */
    public <R> R askCached(ReadCache.Region region, Object query, Class<R> resultType) {
        return cache.get(region, query, () -> ask(query, resultType));
    }

    /**
     * A query whose answer is the same for everyone and is about one item of the region (see
     * {@link ReadCache.Region#itemOf}): from the cache while no commit has touched that item.
     */
    public <R> R askCached(ReadCache.Region region, Object query, Object item, Class<R> resultType) {
        return cache.get(region, query, item, () -> ask(query, resultType));
    }

    public <R> R ask(Object query, Class<R> resultType) {
        try {
            return gateway.query(query, ResponseTypes.instanceOf(resultType)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
