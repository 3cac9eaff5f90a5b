package dev.stoa.command.notification;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The {@code stoa.mail.*} properties (documented in the README's configuration reference). */
@Component
public class MailSettings {
    final String from;
    final boolean dispatcherEnabled;
    final Duration dispatchInterval;
    final int batchSize;
    final int maxAttempts;
    final Duration initialBackoff;
    final Duration maxBackoff;
    final Duration smtpTimeout;

    MailSettings(@Value("${stoa.mail.from:Stoa <no-reply@stoa.local>}") String from,
                 @Value("${stoa.mail.dispatcher.enabled:true}") boolean dispatcherEnabled,
                 @Value("${stoa.mail.dispatch-interval:200ms}") Duration dispatchInterval,
                 @Value("${stoa.mail.batch-size:20}") int batchSize,
                 @Value("${stoa.mail.max-attempts:5}") int maxAttempts,
                 @Value("${stoa.mail.initial-backoff:1s}") Duration initialBackoff,
                 @Value("${stoa.mail.max-backoff:10m}") Duration maxBackoff,
                 @Value("${stoa.mail.smtp-timeout:10s}") Duration smtpTimeout) {
        if (maxAttempts < 1) throw new IllegalArgumentException("stoa.mail.max-attempts must be at least 1");
        this.from = from;
        this.dispatcherEnabled = dispatcherEnabled;
        this.dispatchInterval = dispatchInterval;
        this.batchSize = Math.max(1, batchSize);
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.smtpTimeout = smtpTimeout;
    }

    /** The wait after failed attempt number {@code attempt}: initial, doubled per attempt, capped. */
    Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 30);
        long millis = initialBackoff.toMillis() * factor;
        return millis < 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }
}
