package dev.stoa.command.platform;

import static dev.stoa.api.platform.MetadataKeys.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Stamps a command sent from an HTTP request with who sent it and the request's correlation and
 * idempotency keys. Commands sent while handling another message get theirs from
 * {@link StoaCorrelationDataProvider} instead, so this only fills what is missing.
 */
public class RequestMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (CurrentUnitOfWork.isStarted() || command.getMetaData().containsKey(CORRELATION_ID)) {
                return command;
            }
            Map<String, Object> added = new HashMap<>();
            String correlationId = RequestContext.correlationId().orElse(command.getIdentifier());
            added.put(CORRELATION_ID, correlationId);
            added.put(CAUSATION_ID, correlationId);
            added.put(USER_ID, RequestContext.userId().orElse("anonymous"));
            RequestContext.idempotencyKey().ifPresent(key -> added.put(IDEMPOTENCY_KEY, key));
            return command.andMetaData(added);
        };
    }
}
