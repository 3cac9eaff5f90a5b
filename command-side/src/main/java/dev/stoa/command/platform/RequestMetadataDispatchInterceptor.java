package dev.stoa.command.platform;

import static dev.stoa.api.platform.MetadataKeys.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Stamps a command (or an event published outside any command, such as an admin's eviction of a dead letter) sent
 * from an HTTP request with who sent it, the request's correlation id (and the client's own, where it sent one) and
 * its idempotency key. Messages sent while
 * handling another message get theirs from {@link StoaCorrelationDataProvider} instead, so this only fills what is
 * missing.
 */
public class RequestMetadataDispatchInterceptor implements MessageDispatchInterceptor<Message<?>> {

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        return (index, message) -> {
            if (CurrentUnitOfWork.isStarted() || message.getMetaData().containsKey(CORRELATION_ID)) {
                return message;
            }
            Map<String, Object> added = new HashMap<>();
            String correlationId = RequestContext.correlationId().orElse(message.getIdentifier());
            added.put(CORRELATION_ID, correlationId);
            added.put(CAUSATION_ID, correlationId);
            added.put(USER_ID, RequestContext.userId().orElse("anonymous"));
            RequestContext.clientCorrelationId().ifPresent(id -> added.put(CLIENT_CORRELATION_ID, id));
            RequestContext.idempotencyKey().ifPresent(key -> added.put(IDEMPOTENCY_KEY, key));
            RequestContext.request().ifPresent(request -> added.put(REQUEST, request));
            return message.andMetaData(added);
        };
    }
}
