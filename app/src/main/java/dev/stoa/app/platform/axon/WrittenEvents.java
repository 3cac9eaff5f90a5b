package dev.stoa.app.platform.axon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Notes the identifiers of the events published on this thread while a request is being served, so
 * the HTTP layer can tell the exact event-store position its write produced. Commands run on the
 * request's thread when the command bus is local; elsewhere the list stays empty and the caller falls
 * back to the head of the event store.
 */
public final class WrittenEvents implements MessageDispatchInterceptor<EventMessage<?>> {
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

    public static void begin() { CURRENT.set(new ArrayList<>()); }

    public static List<String> end() {
        List<String> ids = CURRENT.get();
        CURRENT.remove();
        return ids == null ? List.of() : ids;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<String> ids = CURRENT.get();
        if (ids != null) messages.forEach(m -> ids.add(m.getIdentifier()));
        return (index, message) -> message;
    }
}
