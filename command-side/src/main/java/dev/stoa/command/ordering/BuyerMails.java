package dev.stoa.command.ordering;

import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.notification.NotificationId;
import dev.stoa.command.notification.MailRequest;
import dev.stoa.command.notification.Mailer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Mails to a buyer about an event of theirs (order, payment, refund), as every such handler sends them: named after
 * the event that caused them, so a redelivered event sends nothing more; not for events older than {@link #MAX_AGE}
 * (a processor deployed over an existing history must not mail it); to the address from the source of truth rather
 * than a read model (the command side sees none): the account's first event, {@code UserRegistered}, opened with the
 * buyer's key. The address never changes after registration. Nothing for an erased account or an id that is no account.
 */
@Component
public class BuyerMails {
    public static final Duration MAX_AGE = Duration.ofHours(48);
    private final EventStore events;
    private final PersonalData personal;
    private final Mailer mailer;

    public BuyerMails(EventStore events, PersonalData personal, Mailer mailer) {
        this.events = events;
        this.personal = personal;
        this.mailer = mailer;
    }

    /** Queues {@code template} to the buyer, caused by {@code message}; a repeat of the same event queues nothing more. */
    public void send(String template, String buyer, EventMessage<?> message, Map<String, Object> model) {
        send(template, buyer, NotificationId.derivedFrom(template, message.getIdentifier()), message, model);
    }

    /**
     * As above, under an id of the caller's: one event that mails several users (each vendor of a paid order) names
     * each mail after the event and its user.
     */
    public void send(String template, String user, NotificationId id, EventMessage<?> message, Map<String, Object> model) {
        if (message.getTimestamp().isBefore(Instant.now().minus(MAX_AGE))) return;
        addressOf(user).ifPresent(email -> mailer.send(new MailRequest(id.value(), user, email, template, model)));
    }

    Optional<String> addressOf(String userId) {
        if (personal.isErased(userId)) return Optional.empty();
        DomainEventStream stream = events.readEvents(userId, 0);
        if (!stream.hasNext()) return Optional.empty();
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof UserRegistered registered)) return Optional.empty();
        String email = personal.open(userId, registered.email());
        return PersonalData.ERASED.equals(email) ? Optional.empty() : Optional.of(email);
    }
}
