package dev.stoa.command.notification;

import java.util.Map;

/**
 * One e-mail to send through {@link Mailer}. {@code notificationId} is chosen by the caller, deterministically
 * from what caused the mail (see {@link dev.stoa.api.notification.NotificationId#derivedFrom}), so a second
 * request with the same id sends nothing. {@code userId} (null: no account) decides whose notification log
 * shows it. {@code templateName} names the files under {@code mail/} (see {@link MailTemplates}); {@code model}
 * holds the values the template uses.
 */
public record MailRequest(String notificationId, String userId, String recipient, String templateName,
                          Map<String, Object> model) {
    public MailRequest {
        model = model == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(model));
    }
}
