package dev.stoa.api.notification;

import org.axonframework.serialization.Revision;

/** The notification was handed to the mail server by delivery attempt number {@code attempt} (1 = the first). */
@Revision("1")
public record NotificationSent(NotificationId notificationId, int attempt) {}
