package dev.stoa.command.ordering;

import dev.stoa.api.notification.NotificationId;
import dev.stoa.command.notification.MailRequest;
import dev.stoa.command.identity.AccountEmails;
import dev.stoa.command.notification.Mailer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Mails to a buyer about an event of theirs (order, payment, refund), as every such handler sends them: named after
 * the event that caused them, so a redelivered event sends nothing more; not for events older than {@link #MAX_AGE}
 * (a processor deployed over an existing history must not mail it); to the account's address ({@link AccountEmails}).
 * Nothing for an erased account or an id that is no account.
 */
@Component
public class BuyerMails {
    public static final Duration MAX_AGE = Duration.ofHours(48);
    private final AccountEmails emails;
    private final Mailer mailer;

    public BuyerMails(AccountEmails emails, Mailer mailer) {
        this.emails = emails;
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

    Optional<String> addressOf(String userId) { return emails.of(userId); }
}
