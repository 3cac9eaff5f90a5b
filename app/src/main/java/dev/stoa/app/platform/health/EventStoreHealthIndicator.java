package dev.stoa.app.platform.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The event store answers, and where its head is. */
@Component
public class EventStoreHealthIndicator extends AbstractHealthIndicator {
    private final ProcessorStatus status;

    public EventStoreHealthIndicator(ProcessorStatus status) {
        super("event store unreachable");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("headPosition", status.head());
    }
}
