package dev.stoa.query.platform;

import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** The one way the query HTTP API asks a query: through the query bus, unwrapping async failures. */
@Component
public class Queries {
    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) { this.gateway = gateway; }

    public <R> R ask(Object query, Class<R> resultType) {
        try {
            return gateway.query(query, ResponseTypes.instanceOf(resultType)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
