package dev.stoa.app.audit;

import java.util.List;

/**
 * A page of the event log in the order it was chained (position order, but for an event that committed late: see
 * {@link AuditEvents#page}); {@code next} is the {@code after} of the next page (its last event's position), null at
 * the end.
 */
public record AuditPage(List<AuditEntry> items, int limit, long after, Long next) {}
