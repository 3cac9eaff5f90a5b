package dev.stoa.app.platform.deadletter;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events an admin evicted from a processor's dead letters, in {@code evicted_event} (written in the eviction's
 * transaction, with its {@code DeadLetterEvicted} event): the live processor skipped them for good, and so do that
 * processor's replays (a rebuild, an as-of audit read), instead of failing on them again.
 */
@Component
public class EvictedEvents {
    private final JdbcTemplate jdbc;

    public EvictedEvents(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    /** Records an eviction; in the caller's transaction. */
    void record(String processor, String eventId) {
        jdbc.update("insert into evicted_event (processor, event_id) values (?, ?) on conflict do nothing", processor, eventId);
    }

    /** The ids of the events evicted from {@code processor}'s dead letters. */
    public Set<String> of(String processor) {
        return new HashSet<>(jdbc.queryForList("select event_id from evicted_event where processor = ?", String.class, processor));
    }
}
