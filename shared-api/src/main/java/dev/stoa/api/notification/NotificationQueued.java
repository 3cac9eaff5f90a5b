package dev.stoa.api.notification;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * A notification was accepted for delivery on {@code channel} ("email") to {@code recipient}, rendered from
 * {@code templateName} with this {@code subject}; recipient and subject are sealed with the user's personal-data
 * key when {@code userId} is set. Subjects never carry secrets (codes, links); the body, which may, is not part
 * of the event.
 * {@code userId} is null when the recipient is no account.
 */
@Revision("1")
public record NotificationQueued(NotificationId notificationId, UserId userId, String channel, String recipient,
                                 String templateName, String subject) {}
