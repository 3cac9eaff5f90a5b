package dev.stoa.command.platform;

import static dev.stoa.api.platform.MetadataKeys.*;

import dev.stoa.api.platform.Ids;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Stamps a command (or an event published outside any command, such as an admin's eviction of a dead letter) sent
 * from an HTTP request with who sent it, the request's correlation id (and the client's own, where it sent one) and
 * its idempotency key. Messages sent while
 * handling another message get theirs from {@link StoaCorrelationDataProvider} instead, so this only fills what is
 * missing.
 * <p>
 * The client's own labels (its {@code X-Correlation-Id} and {@code Idempotency-Key}) are whatever the client chose, an
 * e-mail address or a name as well: a signed-in user's are sealed with that user's key ({@link LabelSealer}), as the
 * personal fields of payloads are, so the user's erasure leaves them unreadable in the log for good (before
 * 2026-12-07 they stayed in clear in every event's metadata; walkthrough Z11). The audit answers open them. Those of
 * requests nobody signed in made stay in clear: there is nobody whose erasure they would follow. One seal per label
 * and request, kept in the request's context for its other messages.
 */
public class RequestMetadataDispatchInterceptor implements MessageDispatchInterceptor<Message<?>> {
    /** Seals a client's label for the user who sent it: (userId, label) → the sealed label. */
    @FunctionalInterface
    public interface LabelSealer {
        String seal(String userId, String label);
    }

    private final LabelSealer sealer;

    /** Labels kept as the client sent them (unit tests, tools). */
    public RequestMetadataDispatchInterceptor() { this((user, label) -> label); }

    public RequestMetadataDispatchInterceptor(LabelSealer sealer) { this.sealer = sealer; }

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
            String userId = RequestContext.userId().orElse("anonymous");
            added.put(USER_ID, userId);
            RequestContext.clientCorrelationId().ifPresent(id -> added.put(CLIENT_CORRELATION_ID, sealed(userId, CLIENT_CORRELATION_ID, id)));
            RequestContext.idempotencyKey().ifPresent(key -> added.put(IDEMPOTENCY_KEY, sealed(userId, IDEMPOTENCY_KEY, key)));
            RequestContext.request().ifPresent(request -> added.put(REQUEST, request));
            return message.andMetaData(added);
        };
    }

    /**
     * The label sealed for a signed-in user, once a request (kept as a request attribute, which ends with the request
     * and is written to no log, as the logging context would be); else as it is.
     */
    private String sealed(String userId, String name, String label) {
        if (!Ids.isUuid(userId)) return label; // anonymous, system: nobody whose erasure it would follow
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) return sealer.seal(userId, label);
        String memoKey = RequestContext.SEALED_LABEL + name;
        if (request.getAttribute(memoKey, RequestAttributes.SCOPE_REQUEST) instanceof String[] memo
                && memo[0].equals(userId) && memo[1].equals(label)) return memo[2];
        String sealed = sealer.seal(userId, label);
        request.setAttribute(memoKey, new String[] {userId, label, sealed}, RequestAttributes.SCOPE_REQUEST);
        return sealed;
    }
}
