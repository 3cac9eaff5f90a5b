package dev.stoa.projection.notification;

import dev.stoa.api.notification.NotificationFailed;
import dev.stoa.api.notification.NotificationQueued;
import dev.stoa.api.notification.NotificationSent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code notification_view}: each user's notification log. Only records what happened; sending is
 * the outbox's job, so a replay of this projection never sends anything.
 */
@Component
@ProcessingGroup(NotificationLogProjection.NAME)
public class NotificationLogProjection {
    public static final String NAME = "notification-log";
    private final NotificationViewRepository notifications;

    public NotificationLogProjection(NotificationViewRepository notifications) { this.notifications = notifications; }

    @EventHandler
    void on(NotificationQueued e, @Timestamp Instant at) {
        notifications.save(new NotificationEntity(e.notificationId().value(),
                e.userId() == null ? null : e.userId().value(), e.channel(), e.templateName(), e.subject(), at));
    }

    @EventHandler
    void on(NotificationSent e, @Timestamp Instant at) {
        notifications.getReferenceById(e.notificationId().value()).sent(e.attempt(), at);
    }

    @EventHandler
    void on(NotificationFailed e, @Timestamp Instant at) {
        notifications.getReferenceById(e.notificationId().value()).failed(e.attempt(), e.willRetry(), at);
    }

    @ResetHandler
    void reset() { notifications.deleteAllInBatch(); }
}
