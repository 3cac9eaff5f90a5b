package dev.stoa.api.notification;

import java.util.List;

/** The notification log of one user, newest first, one page of it. */
public record FindNotifications(String userId, int limit, int offset) {
    /** One page, in the API.md list shape. */
    public record Result(List<NotificationView> items, long total, int limit, int offset) {}
}
