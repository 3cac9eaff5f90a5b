package dev.stoa.app.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauges: {@code stoa_event_store_head} and, per streaming processor,
 * {@code stoa_projection_lag_events{processor=...}} and {@code stoa_dead_letters{processor=...}} (events parked
 * after their handler failed); registered once the processors exist.
 */
@Component
public class ProjectionMetrics {
    private final ProcessorStatus status;
    private final MeterRegistry registry;

    public ProjectionMetrics(ProcessorStatus status, MeterRegistry registry) {
        this.status = status;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("stoa.event.store.head", status, ProcessorStatus::headOrUnknown)
                .description("global index of the newest stored event").register(registry);
        for (String name : status.all().keySet()) {
            Gauge.builder("stoa.projection.lag", status, s -> {
                        ProcessorStatus.Snapshot snapshot = s.one(name);
                        return snapshot == null ? Double.NaN : snapshot.lag();
                    })
                    .tag("processor", name).baseUnit("events")
                    .description("events the processor is behind the head of the event store").register(registry);
            Gauge.builder("stoa.dead.letters", status, s -> {
                        long parked = s.deadLetters(name);
                        return parked < 0 ? Double.NaN : parked;
                    })
                    .tag("processor", name)
                    .description("events parked in the processor's dead-letter queue").register(registry);
        }
    }
}
