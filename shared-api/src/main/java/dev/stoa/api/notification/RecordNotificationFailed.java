package dev.stoa.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that delivery attempt number {@code attempt} failed; {@code willRetry} says whether another attempt
 * is scheduled. {@code reason} is the transport's error, never the message body.
 */
public record RecordNotificationFailed(@TargetAggregateIdentifier NotificationId notificationId, int attempt,
                                       String reason, boolean willRetry) {}
