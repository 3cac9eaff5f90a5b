package dev.stoa.command.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.notification.NotificationFailed;
import dev.stoa.api.notification.NotificationId;
import dev.stoa.api.notification.NotificationQueued;
import dev.stoa.api.notification.NotificationSent;
import dev.stoa.api.notification.QueueNotification;
import dev.stoa.api.notification.RecordNotificationFailed;
import dev.stoa.api.notification.RecordNotificationSent;
import dev.stoa.api.platform.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The delivery log of one notification: queued, then attempts until it is sent or has failed for good. The
 * outbox reports each attempt; a report that comes again (the dispatcher died after sending, before its
 * transaction committed) or too late (after the end) changes nothing, so the log never says "sent" twice.
 */
@Aggregate(cache = "aggregateCache")
public class Notification {
    public static final String EMAIL = "email";

    @AggregateIdentifier
    private NotificationId notificationId;
    private int lastAttempt;
    private boolean finished;

    protected Notification() {}

    /**
     * Creates the notification; for one that exists already, nothing and no error. Its id is derived from the
     * event that asked for the mail, so a second request is a retry: with Axon Server, a batch of events that
     * rolled back after its {@code NotificationQueued} was stored (Axon Server commits before PostgreSQL, so the
     * outbox row is gone, the event is not) sends it again, and it must succeed for the batch to go on.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(QueueNotification cmd) {
        if (notificationId != null) return; // already queued: done
        if (!EMAIL.equals(cmd.channel())) throw DomainException.badInput("channel must be email");
        if (cmd.recipient() == null || cmd.recipient().isBlank()) throw DomainException.badInput("recipient is required");
        if (cmd.templateName() == null || cmd.templateName().isBlank())
            throw DomainException.badInput("templateName is required");
        apply(new NotificationQueued(cmd.notificationId(), cmd.userId(), cmd.channel(), cmd.recipient(),
                cmd.templateName(), cmd.subject()));
    }

    @CommandHandler
    void handle(RecordNotificationSent cmd) {
        if (finished || cmd.attempt() <= lastAttempt) return;
        apply(new NotificationSent(notificationId, cmd.attempt()));
    }

    @CommandHandler
    void handle(RecordNotificationFailed cmd) {
        if (finished || cmd.attempt() <= lastAttempt) return;
        apply(new NotificationFailed(notificationId, cmd.attempt(), cmd.reason(), cmd.willRetry()));
    }

    @EventSourcingHandler
    void on(NotificationQueued e) { notificationId = e.notificationId(); }

    @EventSourcingHandler
    void on(NotificationSent e) {
        lastAttempt = e.attempt();
        finished = true;
    }

    @EventSourcingHandler
    void on(NotificationFailed e) {
        lastAttempt = e.attempt();
        finished = !e.willRetry();
    }
}
