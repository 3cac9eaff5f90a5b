package dev.stoa.app.platform.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of an event whose handler failed, first time or on a retry. An outage is rethrown, so the processor
 * retries in place (Axon's {@code DeadLetteringEventHandlerInvoker} and its retry task let an exception from the
 * policy propagate). Anything else parks the event with its cause, and the letter's diagnostics say how often it was
 * retried and when it is next due: {@code initialBackoff} after parking, doubled after each failed retry, capped.
 */
public class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {
    /** Failed retries after the first failure (0: parked, not retried yet). */
    public static final String RETRIES = "retries";
    /** ISO-8601 instant from which the automatic retry may try the letter again. */
    public static final String NEXT_ATTEMPT = "nextAttempt";
    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Clock clock;

    public ParkingPolicy(Duration initialBackoff, Duration maxBackoff, Clock clock) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (Outages.isOutage(cause)) throw cause instanceof RuntimeException r ? r
                : new RetryInPlace("a backing service is unavailable; the processor retries in place", cause);
        // a letter that went through this policy before carries RETRIES: this failure was a retry
        boolean retried = letter.diagnostics().containsKey(RETRIES);
        MetaData after = afterFailure(letter.diagnostics(), retried);
        EventMessage<?> event = letter.message();
        if (!retried) log.warn("Parking {} {}, its handler failed: {}", event.getPayloadType().getSimpleName(),
                event.getIdentifier(), cause.toString());
        else log.info("Parked {} {} failed again (retry {}), next attempt at {}: {}", event.getPayloadType().getSimpleName(),
                event.getIdentifier(), after.get(RETRIES), after.get(NEXT_ATTEMPT), cause.toString());
        // counted on the letter the decision is applied to, which may have moved on meanwhile (a deferred outcome)
        return Decisions.enqueue(storable(ThrowableCause.truncated(cause)), l -> afterFailure(l.diagnostics(), retried));
    }

    /**
     * The cause as PostgreSQL can keep it: a cause that quotes the event's own values (Elasticsearch quotes the input it
     * refused) may hold a NUL, which a text column refuses; the letter's insert then failed, its batch with it, again
     * and again. The NUL reads as U+FFFD.
     */
    static ThrowableCause storable(ThrowableCause cause) {
        String message = cause.message();
        return message == null || message.indexOf('\0') < 0 ? cause
                : new ThrowableCause(cause.type(), message.replace('\0', '\uFFFD'));
    }

    private MetaData afterFailure(MetaData diagnostics, boolean retried) {
        int retries = retries(diagnostics) + (retried ? 1 : 0);
        return diagnostics.and(RETRIES, retries).and(NEXT_ATTEMPT, clock.instant().plus(backoff(retries)).toString());
    }

    /** Due when its next attempt has come, or when it never failed itself (it waited behind an earlier event). */
    public boolean isDue(DeadLetter<?> letter) {
        Object next = letter.diagnostics().get(NEXT_ATTEMPT);
        return next == null || !Instant.parse(next.toString()).isAfter(clock.instant());
    }

    public static int retries(MetaData diagnostics) {
        return diagnostics.get(RETRIES) instanceof Number n ? n.intValue() : 0;
    }

    Duration backoff(int retries) {
        if (retries >= 31) return maxBackoff;
        Duration backoff = initialBackoff.multipliedBy(1L << retries);
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
