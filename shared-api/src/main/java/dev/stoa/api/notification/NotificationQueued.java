package dev.stoa.api.notification;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * A notification was accepted for delivery on {@code channel} ("email") to {@code recipient} (sealed with the
 * user's personal-data key when {@code userId} is set), rendered from
 * {@code templateName} with this {@code subject}. The body is not part of the event: it may hold one-time tokens.
 * {@code userId} is null when the recipient is no account.
 */
@Revision("1")
public record NotificationQueued(NotificationId notificationId, UserId userId, String channel, String recipient,
                                 String templateName, String subject) {}
