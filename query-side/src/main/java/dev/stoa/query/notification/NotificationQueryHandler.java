package dev.stoa.query.notification;

import dev.stoa.api.notification.FindNotifications;
import dev.stoa.api.notification.NotificationView;
import dev.stoa.projection.notification.NotificationEntity;
import dev.stoa.projection.notification.NotificationViewRepository;
import dev.stoa.query.platform.OffsetPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers a user's notification log from notification_view, newest first. */
@Component
@Transactional(readOnly = true)
public class NotificationQueryHandler {
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private final NotificationViewRepository notifications;

    public NotificationQueryHandler(NotificationViewRepository notifications) { this.notifications = notifications; }

    @QueryHandler
    public FindNotifications.Result handle(FindNotifications query) {
        Page<NotificationEntity> page = notifications.findByUserId(query.userId(),
                new OffsetPage(query.offset(), query.limit(), NEWEST_FIRST));
        return new FindNotifications.Result(page.map(NotificationQueryHandler::view).getContent(),
                page.getTotalElements(), query.limit(), query.offset());
    }

    private static NotificationView view(NotificationEntity n) {
        return new NotificationView(n.getId(), n.getChannel(), n.getTemplateName(), n.getSubject(), n.getStatus(),
                n.getSentAt(), n.getRetryCount());
    }
}
