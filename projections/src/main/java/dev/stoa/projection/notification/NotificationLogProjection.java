package dev.stoa.projection.notification;

import dev.stoa.api.identity.UserErased;
import dev.stoa.api.notification.NotificationFailed;
import dev.stoa.api.notification.NotificationQueued;
import dev.stoa.api.notification.NotificationSent;
import dev.stoa.api.platform.PersonalData;
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
    private final PersonalData personal;

    public NotificationLogProjection(NotificationViewRepository notifications, PersonalData personal) {
        this.notifications = notifications;
        this.personal = personal;
    }

    @EventHandler
    void on(NotificationQueued e, @Timestamp Instant at) {
        String userId = e.userId() == null ? null : e.userId().value();
        String subject = userId == null ? e.subject() : personal.open(userId, e.subject());
        notifications.save(new NotificationEntity(e.notificationId().value(), userId, e.channel(), e.templateName(),
                subject, at));
    }

    @EventHandler
    void on(UserErased e) { notifications.eraseSubjects(e.userId().value(), PersonalData.ERASED); }

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
