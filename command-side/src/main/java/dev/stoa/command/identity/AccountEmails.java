package dev.stoa.command.identity;

import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.platform.PersonalData;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An account's e-mail address from the source of truth rather than a read model (the command side sees none): the
 * account's first event, {@code UserRegistered}, opened with the user's key. The address never changes after
 * registration. Empty for an erased account or an id that is no account.
 */
@Component
public class AccountEmails {
    private final EventStore events;
    private final PersonalData personal;

    public AccountEmails(EventStore events, PersonalData personal) {
        this.events = events;
        this.personal = personal;
    }

    public Optional<String> of(String userId) {
        if (personal.isErased(userId)) return Optional.empty();
        DomainEventStream stream = events.readEvents(userId, 0);
        if (!stream.hasNext()) return Optional.empty();
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof UserRegistered registered)) return Optional.empty();
        String email = personal.open(userId, registered.email());
        return PersonalData.ERASED.equals(email) ? Optional.empty() : Optional.of(email);
    }
}
