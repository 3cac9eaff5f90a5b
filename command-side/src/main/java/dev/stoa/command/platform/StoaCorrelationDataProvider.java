package dev.stoa.command.platform;

import static dev.stoa.api.platform.MetadataKeys.*;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries who, correlation (the platform's and the client's), idempotency key and the originating request from a message to every message its handling
 * produces (a command's events, an event handler's commands), and sets the causation id and type to the handled
 * message's, so an auditor sees which command (or, for a saga's step, which event) caused each event. The event a
 * saga's step reacted to also goes on, through its commands, to their events ({@code triggerEventId}).
 * Replaces Axon's MessageOriginProvider, whose "correlationId" means our causation id.
 */
public class StoaCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object correlationId = message.getMetaData().get(CORRELATION_ID);
        data.put(CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(CAUSATION_ID, message.getIdentifier());
        data.put(CAUSATION_TYPE, message.getPayloadType().getSimpleName());
        // a saga's or policy's step: the event it reacted to, carried through its commands to their events
        if (message instanceof EventMessage<?>) data.put(TRIGGER_EVENT_ID, message.getIdentifier());
        else copy(message, TRIGGER_EVENT_ID, data);
        copy(message, USER_ID, data);
        copy(message, CLIENT_CORRELATION_ID, data);
        copy(message, IDEMPOTENCY_KEY, data);
        copy(message, REQUEST, data);
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> data) {
        Object value = message.getMetaData().get(key);
        if (value != null) data.put(key, value);
    }
}
