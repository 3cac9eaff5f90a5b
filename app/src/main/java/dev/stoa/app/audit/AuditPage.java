package dev.stoa.app.audit;

import java.util.List;

/** A page of the event log in position order; {@code next} is the {@code after} of the next page, null at the end. */
public record AuditPage(List<AuditEntry> items, int limit, long after, Long next) {}
