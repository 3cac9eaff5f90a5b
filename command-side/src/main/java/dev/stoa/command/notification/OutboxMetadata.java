package dev.stoa.command.notification;

import static dev.stoa.api.platform.MetadataKeys.*;

import dev.stoa.command.platform.RequestContext;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Metadata of the commands the dispatcher sends on its own thread, long after the request: who is "system",
 * the correlation id is the one of the request (or event) that queued the mail, the cause is the notification.
 */
final class OutboxMetadata {
    private OutboxMetadata() {}

    /** The correlation id of the message or request being handled now, if any. */
    static Optional<String> currentCorrelationId() {
        if (CurrentUnitOfWork.isStarted()) {
            Object id = CurrentUnitOfWork.get().getMessage().getMetaData().get(CORRELATION_ID);
            if (id != null) return Optional.of(id.toString());
        }
        return RequestContext.correlationId();
    }

    static CommandMessage<?> command(Object payload, String correlationId, String notificationId) {
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(Map.of(USER_ID, "system",
                CORRELATION_ID, correlationId, CAUSATION_ID, notificationId));
    }
}
