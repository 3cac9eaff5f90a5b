package dev.stoa.command.notification;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.notification.NotificationId;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.notification.QueueNotification;
import dev.stoa.command.platform.web.Commands;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way every context sends e-mail. {@link #send} renders the template and stores the mail in the outbox
 * ({@code mail_outbox}) in the caller's transaction, and records {@code NotificationQueued} in the same unit of
 * work; {@link MailDispatcher} delivers it after that transaction commits, with retries. So it is cheap, safe
 * inside an event handler or a command handler (a rolled-back caller sends nothing), and idempotent: a second
 * request with the same {@code notificationId} (a replay, a redelivery) sends nothing more. "Already queued"
 * counts as done either way: the outbox row exists (nothing to do), or, with Axon Server, the row rolled back while
 * the {@link Notification} was already stored (Axon Server commits before PostgreSQL): the row is written again and
 * queueing the existing notification succeeds without a second event, so the retried batch goes on and one mail
 * is sent.
 *
 * <p>The rendered body may hold one-time tokens: it lives only in the outbox row, which forgets it once the
 * mail is sent or has failed for good, and it never enters an event.
 */
@Component
public class Mailer {
    private final JdbcTemplate jdbc;
    private final MailTemplates templates;
    private final Commands commands;
    private final PersonalData personal;

    public Mailer(JdbcTemplate jdbc, MailTemplates templates, Commands commands, PersonalData personal) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.commands = commands;
        this.personal = personal;
    }

    /**
     * Queues one mail. Joins the caller's transaction (or opens one).
     *
     * @throws IllegalArgumentException for an invalid id, user id or address, or an unknown template
     */
    @Transactional
    public void send(MailRequest request) {
        NotificationId id = new NotificationId(request.notificationId());
        UserId userId = request.userId() == null ? null : new UserId(request.userId());
        String recipient = address(request.recipient());
        RenderedMail mail = templates.render(request.templateName(), request.model());
        int inserted = jdbc.update("""
                insert into mail_outbox(notification_id, user_id, recipient, template_name, subject, body_text,
                                        body_html, correlation_id, client_correlation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                id.value(), userId == null ? null : userId.value(), recipient, request.templateName(), mail.subject(),
                mail.text(), mail.html(), OutboxMetadata.currentCorrelationId().orElse(id.value()),
                OutboxMetadata.currentClientCorrelationId().orElse(null));
        if (inserted == 0) return; // already queued (or sent) under this id: nothing more to do
        // address and subject (a manual mail's subject may name the person) are the user's personal data: sealed
        // with their key, so erasure makes them unreadable in the event log too. Subjects never carry secrets.
        String loggedRecipient = userId == null ? recipient : personal.seal(userId.value(), recipient);
        String loggedSubject = userId == null ? mail.subject() : personal.seal(userId.value(), mail.subject());
        commands.send(new QueueNotification(id, userId, Notification.EMAIL, loggedRecipient, request.templateName(),
                loggedSubject));
    }

    /**
     * Whether a mail can be sent to {@code address} as it is written: what registration takes, so that an account's
     * mails never fail on its address (a zero-width or no-break space passed {@code @Email}, and the account's
     * verification mail was parked as a dead letter, before 2026-12-06, ninth session; found by a walkthrough).
     */
    public static boolean sendable(String address) {
        try {
            return address(address).equals(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String address(String recipient) {
        try {
            InternetAddress address = new InternetAddress(recipient, true);
            if (address.getAddress().indexOf('@') < 1) throw new AddressException("no domain");
            return address.getAddress();
        } catch (AddressException | NullPointerException e) {
            throw new IllegalArgumentException("recipient must be an e-mail address");
        }
    }
}
