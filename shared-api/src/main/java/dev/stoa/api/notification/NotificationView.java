package dev.stoa.api.notification;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/**
 * One entry of a user's notification log, as API.md lists it. {@code status}: queued (also while retrying),
 * sent, failed. {@code retryCount}: attempts made after the first one. {@code sentAt} is null until sent.
 */
public record NotificationView(String id, String channel, String templateName, String subject, String status,
                               @MayBeNull Instant sentAt, int retryCount) {}
