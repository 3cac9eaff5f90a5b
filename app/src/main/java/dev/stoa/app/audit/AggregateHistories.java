package dev.stoa.app.audit;

import dev.stoa.api.platform.DomainException;
import dev.stoa.app.audit.AggregateHistory.Cause;
import dev.stoa.app.audit.AggregateHistory.Step;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Builds {@link AggregateHistory}: an aggregate's events, their causes, and a timeline for orders and enrollments. */
@Component
class AggregateHistories {
    private final AuditEvents events;

    AggregateHistories(AuditEvents events) { this.events = events; }

    /**
     * A page of the aggregate's events after position {@code after} (null: from its first), at most {@code limit}, and
     * {@code next} when there are more; the timeline (orders and enrollments) with the first page, from all of the
     * aggregate's events. Before
     * 2026-12-07 every event came in one answer, each looking up its cause: an inventory with a busy product's thousands
     * of holds answered them all at once (walkthrough Z4: 311 events, 308 KB).
     */
    AggregateHistory of(String aggregateType, String aggregateId, Long after, int limit) {
        String stored = events.typeOf(aggregateId);
        if (stored == null || !stored.equals(AuditFilter.storedType(aggregateType))) {
            throw DomainException.notFound(aggregateType + " " + aggregateId + " (no event of it in the audit log)");
        }
        List<AuditEntry> own = events.ofAggregate(aggregateId, after == null ? -1 : after, limit + 1);
        Long next = own.size() > limit ? own.get(limit - 1).position() : null;
        if (next != null) own = own.subList(0, limit);
        List<Step> steps = own.stream().map(e -> new Step(e, cause(e))).toList();
        String apiType = AuditFilter.apiType(stored);
        // with the page that begins at the aggregate's first event, however it was asked for (after=0 had none)
        boolean first = own.isEmpty() ? after == null : own.get(0).sequence() == 0;
        List<AggregateHistory.Moment> timeline = Timelines.WITH_TIMELINE.contains(apiType) && first
                ? Timelines.of(next == null ? own : events.ofAggregate(aggregateId), events.naming(aggregateId)) : null;
        return new AggregateHistory(apiType, aggregateId, steps, timeline, limit, after, next);
    }

    private Cause cause(AuditEntry e) {
        AuditEntry.Metadata m = e.metadata();
        if (m == null || m.causationId() == null) return new Cause("unknown", null, null, null, null, null, null, null);
        Map<String, Object> event = events.event(m.causationId());
        if (event != null) return reactedTo(event, m.causationId(), m.request(), null); // an event handler's own event
        // a saga's or policy's step: the event behind the command it sent
        Map<String, Object> trigger = m.triggerEventId() == null ? null : events.event(m.triggerEventId());
        if (trigger != null) return reactedTo(trigger, m.triggerEventId(), m.request(), m.causationType());
        if (m.causationType() != null) {
            return new Cause("command", m.causationType(), m.causationId(), null, null, null, m.request(), null);
        }
        if (Objects.equals(m.causationId(), m.correlationId())) {
            return new Cause("request", null, m.correlationId(), null, null, null, m.request(), null);
        }
        return new Cause("unknown", null, m.causationId(), null, null, null, m.request(), null);
    }

    private static Cause reactedTo(Map<String, Object> event, String id, String request, String command) {
        return new Cause("event", (String) event.get("event_type"), id, ((Number) event.get("position")).longValue(),
                AuditFilter.apiType((String) event.get("aggregate_type")), (String) event.get("aggregate_id"), request,
                command);
    }
}
