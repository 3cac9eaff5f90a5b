package dev.stoa.app.audit;

import dev.stoa.api.platform.MayBeNull;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of the event log in the order it was chained (position order, but for an event that committed late: see
 * {@link AuditEvents#page}); {@code next} is the {@code after} of the next page (its last event's position), null at
 * the end.
 */
public record AuditPage(List<AuditEntry> items, int limit, long after,
                        @MayBeNull @Schema(description = "The after of the next page (this page's last position); "
                                + "null when this page reached the end of the log: to follow the log, keep the last item's "
                                + "position and ask again later") Long next) {}
