package dev.stoa.api.notification;

import org.axonframework.serialization.Revision;

/**
 * Delivery attempt number {@code attempt} failed with {@code reason} (the transport's error, never the body;
 * sealed with the user's personal-data key when the notification belongs to a user, as it may quote the address).
 * With {@code willRetry} another attempt follows after a back-off; without, the notification has failed for good.
 */
@Revision("1")
public record NotificationFailed(NotificationId notificationId, int attempt, String reason, boolean willRetry) {}
