package dev.stoa.app.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Each read model's processor: running or not, in error (it retries a failing batch, so it stalls
 * instead of skipping events), position, lag behind the event store and parked events. A processor in error is
 * DOWN: that is an outage (database, search index) or a batch it cannot commit. Parked events are not: the
 * processor goes on past them, and they are retried and shown under {@code /api/v1/admin/dead-letters}.
 */
@Component
public class ProjectionsHealthIndicator extends AbstractHealthIndicator {
    private final ProcessorStatus status;

    public ProjectionsHealthIndicator(ProcessorStatus status) {
        super("projection status unavailable");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean anyError = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (ProcessorStatus.Snapshot s : status.all().values()) {
            anyError |= s.error();
            details.put(s.name(), Map.of("running", s.running(), "error", s.error(), "segments", s.segments(),
                    "position", s.position(), "lag", s.lag(), "deadLetters", status.deadLetters(s.name())));
        }
        (anyError ? builder.down() : builder.up()).withDetails(details);
    }
}
