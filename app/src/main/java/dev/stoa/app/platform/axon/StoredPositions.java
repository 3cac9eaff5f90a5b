package dev.stoa.app.platform.axon;

import java.util.Collection;
import java.util.Collections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which positions of the PostgreSQL event store hold a committed event. A processor's gap-aware token keeps as gaps the
 * positions it passed while their transactions were still open; such a gap either fills (the transaction committed,
 * and the processor will handle its event on its next fetch) or stays empty (it rolled back). Only the store tells which.
 * Axon Server's tokens have no gaps, so this is asked only of the embedded store.
 */
@Component
public class StoredPositions {
    private final JdbcTemplate jdbc;

    public StoredPositions(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    /** Whether any of {@code positions} now holds a committed event. */
    public boolean anyCommitted(Collection<Long> positions) {
        if (positions.isEmpty()) return false;
        String marks = String.join(",", Collections.nCopies(positions.size(), "?"));
        Boolean any = jdbc.queryForObject("select exists (select 1 from domain_event_entry where global_index in (" + marks + "))",
                Boolean.class, positions.toArray());
        return Boolean.TRUE.equals(any);
    }
}
