package dev.stoa.command.notification;

import dev.stoa.api.notification.NotificationId;
import dev.stoa.api.notification.RecordNotificationFailed;
import dev.stoa.api.notification.RecordNotificationSent;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.command.platform.DeploymentMode;
import dev.stoa.command.platform.StartupRefused;
import dev.stoa.command.platform.web.Commands;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what {@link Mailer} queued. Every {@code stoa.mail.dispatch-interval} it takes the due rows of the
 * outbox one by one, each locked in a transaction of its own ({@code skip locked}: any number of processes may
 * run this), hands the mail to the SMTP server and notes the outcome in the row. A failed attempt is tried again
 * after {@code initial-backoff}, doubled each time, until {@code max-attempts}; then the row is failed.
 *
 * <p>The outcome then goes to the event log ({@code RecordNotificationSent/Failed}) in a second transaction, so a
 * failing command can never undo the row's "sent" and send the mail again; a row whose outcome did not reach
 * the log ({@code logged_attempt < attempts}) is recorded again on a later round. The one remaining window:
 * the process dies after the SMTP server accepted a mail and before the row's transaction commits; that mail
 * goes out again (at least once, never lost).
 */
@Component
class MailDispatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> senders;
    private final Commands commands;
    private final MailSettings settings;
    private final TransactionTemplate tx;
    private final PersonalData personal;
    private volatile ScheduledExecutorService executor;
    /** Mails whose outcome could not be recorded yet: said once each, not every round (an outage lasts many). */
    private final Set<String> unrecorded = ConcurrentHashMap.newKeySet();

    MailDispatcher(MailOutbox outbox, ObjectProvider<JavaMailSender> senders, Commands commands, MailSettings settings,
                   PlatformTransactionManager transactions, DeploymentMode mode, PersonalData personal) {
        this.personal = personal;
        if (settings.dispatcherEnabled && senders.getIfAvailable() == null && !mode.embedded())
            throw new StartupRefused("No mail server is configured (spring.mail.host): outside the embedded mode mail "
                    + "goes to your SMTP server, and sign-up, login codes and password resets need it.",
                    "Set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, credentials) to your SMTP server, or "
                    + "stoa.mail.dispatcher.enabled=false if another process delivers the mail.");
        this.outbox = outbox;
        this.senders = senders;
        this.commands = commands;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void start() {
        if (!settings.dispatcherEnabled) return;
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            log.warn("No mail server configured (embedded SMTP disabled, no spring.mail.host): mails stay queued in mail_outbox");
            return;
        }
        if (sender instanceof JavaMailSenderImpl impl) boundWaits(impl);
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "stoa-mail-dispatcher"));
        long interval = Math.max(1, settings.dispatchInterval.toMillis());
        executor.scheduleWithFixedDelay(() -> round(sender), interval, interval, TimeUnit.MILLISECONDS);
    }

    /** A hung SMTP server must not hold an outbox row (and a thread) forever. */
    private void boundWaits(JavaMailSenderImpl impl) {
        String millis = String.valueOf(settings.smtpTimeout.toMillis());
        for (String key : new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout"})
            impl.getJavaMailProperties().putIfAbsent(key, millis);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) return;
        running.shutdown();
        try {
            if (!running.awaitTermination(settings.smtpTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS))
                running.shutdownNow();
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() { return executor != null; }

    /** After the command bus and event processors are up, and stopped before them. */
    @Override
    public int getPhase() { return Integer.MAX_VALUE - 1000; }

    private void round(JavaMailSender sender) {
        try {
            for (int i = 0; i < settings.batchSize && executor != null; i++) {
                Optional<String> done = tx.execute(status -> outbox.lockNextDue().map(row -> attempt(sender, row)));
                if (done == null || done.isEmpty()) break;
                record(done.get());
            }
            outbox.unlogged(settings.batchSize).forEach(this::record);
        } catch (RuntimeException e) {
            log.warn("Mail dispatch round failed; retrying on the next one", e);
        }
    }

    private String attempt(JavaMailSender sender, MailOutbox.Row row) {
        int attempt = row.attempts() + 1;
        try {
            sender.send(message(sender, row));
            outbox.markSent(row.notificationId(), attempt);
        } catch (Exception e) {
            boolean willRetry = attempt < settings.maxAttempts;
            String reason = reason(e);
            outbox.markFailed(row.notificationId(), attempt, reason, willRetry,
                    settings.backoffAfter(attempt).toMillis());
            log.info("Mail {} attempt {} failed{}: {}", row.notificationId(), attempt,
                    willRetry ? " (will retry)" : " for good", reason);
        }
        return row.notificationId();
    }

    private MimeMessage message(JavaMailSender sender, MailOutbox.Row row) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, row.html() != null, "UTF-8");
        helper.setFrom(new InternetAddress(settings.from, true));
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        if (row.html() != null) helper.setText(row.text(), row.html());
        else helper.setText(row.text());
        message.setHeader("X-Stoa-Notification-Id", row.notificationId());
        return message;
    }

    /** Puts the latest outcome of this row into the event log, now; on failure a later round does it. */
    private void record(String notificationId) {
        try {
            tx.executeWithoutResult(status -> outbox.lockUnlogged(notificationId).ifPresent(this::log));
            unrecorded.remove(notificationId);
        } catch (RuntimeException e) {
            if (unrecorded.add(notificationId))
                log.warn("Could not record the outcome of mail {} yet (retrying every round): {}", notificationId, e.getMessage());
        }
    }

    private void log(MailOutbox.Row row) {
        NotificationId id = new NotificationId(row.notificationId());
        Object command = "sent".equals(row.status())
                ? new RecordNotificationSent(id, row.attempts())
                : new RecordNotificationFailed(id, row.attempts(), sealedReason(row), "pending".equals(row.status()));
        commands.send(OutboxMetadata.command(command, row.correlationId(), row.clientCorrelationId(), row.notificationId()));
        outbox.markLogged(row.notificationId(), row.attempts());
    }

    /** An SMTP error may quote the address: for a user's mail the reason is sealed with that user's key. */
    private String sealedReason(MailOutbox.Row row) {
        if (row.userId() == null || row.lastError() == null) return row.lastError();
        return personal.isErased(row.userId()) ? PersonalData.ERASED : personal.seal(row.userId(), row.lastError());
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
        text = text.replaceAll("[\\r\\n]+", " ");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
