package dev.stoa.api.notification;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a notification was accepted for delivery. Sent by the mail outbox in the transaction that stores
 * the rendered mail; carries no body (the body may hold one-time tokens and lives only in the outbox).
 * {@code userId} is null for a message to an address that belongs to no account.
 */
public record QueueNotification(@TargetAggregateIdentifier NotificationId notificationId, UserId userId,
                                String channel, String recipient, String templateName, String subject) {}
