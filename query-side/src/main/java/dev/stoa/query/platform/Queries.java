package dev.stoa.query.platform;

import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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
        return askCached(region, query, answer -> ReadCache.About.anything(), resultType);
    }

    /**
     * A query whose answer is the same for everyone and is {@code about} one item or a choice of items of the region
     * (see {@link ReadCache.About}): from the cache while no commit that could change it came. What the answer is
     * about is also left on the current request ({@link ReadCache#ABOUT}), where the web layer keeping the whole HTTP
     * answer finds it.
     */
    public <R> R askCached(ReadCache.Region region, Object query, Function<? super R, ReadCache.About> about,
                           Class<R> resultType) {
        R answer = cache.get(region, query, about, () -> ask(query, resultType));
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) request.setAttribute(ReadCache.ABOUT, about.apply(answer), RequestAttributes.SCOPE_REQUEST);
        return answer;
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
