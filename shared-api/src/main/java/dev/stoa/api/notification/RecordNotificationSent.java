package dev.stoa.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that delivery attempt number {@code attempt} (1 = the first) handed the notification over. */
public record RecordNotificationSent(@TargetAggregateIdentifier NotificationId notificationId, int attempt) {}
