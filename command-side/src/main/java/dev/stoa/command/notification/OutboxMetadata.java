package dev.stoa.command.notification;

import static dev.stoa.api.platform.MetadataKeys.*;

import dev.stoa.command.platform.RequestContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Metadata of the commands the dispatcher sends on its own thread, long after the request: who is "system",
 * the correlation id (and the client's own, where it sent one) is the one of the request (or event) that queued the
 * mail, the cause is the notification.
 */
final class OutboxMetadata {
    private OutboxMetadata() {}

    /** The correlation id of the message or request being handled now, if any. */
    static Optional<String> currentCorrelationId() { return current(CORRELATION_ID, RequestContext.correlationId()); }

    /**
     * The client's own correlation id of the message or request being handled now, if it sent one and nobody signed in
     * sent it. A signed-in user's label is sealed with their key in the messages' metadata (see
     * {@code RequestMetadataDispatchInterceptor}), and the dispatcher's commands, sent as {@code system}, could neither
     * keep it sealed for its owner nor keep it in clear: its events carry the request's correlation id alone, by which
     * the chain is found (before 2026-12-07 the label went in clear into the outbox and the dispatcher's events).
     */
    static Optional<String> currentClientCorrelationId() {
        Optional<String> sender = current(USER_ID, RequestContext.userId());
        if (sender.filter(dev.stoa.api.platform.Ids::isUuid).isPresent()) return Optional.empty();
        // never a sealed one (a message whose sender is not a user's may carry a user's label), nor one longer than the
        // outbox's column: a label is the client's, and a mail is never lost for it (walkthrough Z13 found the order
        // mails of a user whose label was sealed parked as dead letters, the sealed text too long for the column)
        return current(CLIENT_CORRELATION_ID, RequestContext.clientCorrelationId())
                .filter(label -> label.length() <= 64 && !dev.stoa.api.platform.PersonalData.isSealed(label));
    }

    /** {@code key} of the message being handled now, else the request's (the MDC's; none on a processor's thread). */
    private static Optional<String> current(String key, Optional<String> ofRequest) {
        if (CurrentUnitOfWork.isStarted()) {
            Object value = CurrentUnitOfWork.get().getMessage().getMetaData().get(key);
            if (value != null) return Optional.of(value.toString());
        }
        return ofRequest;
    }

    static CommandMessage<?> command(Object payload, String correlationId, String clientCorrelationId,
                                     String notificationId) {
        Map<String, Object> metadata = new HashMap<>(Map.of(USER_ID, "system", CORRELATION_ID, correlationId,
                CAUSATION_ID, notificationId));
        if (clientCorrelationId != null) metadata.put(CLIENT_CORRELATION_ID, clientCorrelationId);
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(metadata);
    }
}
