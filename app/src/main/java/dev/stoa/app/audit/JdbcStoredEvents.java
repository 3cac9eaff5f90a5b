package dev.stoa.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The JPA/JDBC event store's rows, read with plain JDBC: the payload and metadata bytes exactly as stored. The rows
 * of delivered events are served from a small window read ahead ({@value #AHEAD} positions), since the audit-log
 * processor asks for them one after the other.
 */
class JdbcStoredEvents implements StoredEvents {
    static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,"
            + " payload_type, payload_revision, payload, meta_data";
    private static final int AHEAD = 256;
    private final JdbcTemplate jdbc;
    private final Map<String, StoredEvent> window = new HashMap<>(); // by event id

    JdbcStoredEvents(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    static StoredEvent row(ResultSet rs, int offset) throws SQLException {
        return new StoredEvent(rs.getLong(offset), rs.getString(offset + 1), rs.getString(offset + 2), rs.getString(offset + 3),
                rs.getLong(offset + 4), rs.getString(offset + 5), rs.getString(offset + 6), rs.getString(offset + 7),
                rs.getBytes(offset + 8), rs.getBytes(offset + 9));
    }

    /**
     * The stored row of a message a processor received. Its token's position is the highest position the stream has
     * seen: the message's own, except for an event that committed late into a gap (then it is further on). So the row
     * is found by the message's id among the rows read ahead from that position, else on its own.
     */
    @Override
    public synchronized StoredEvent asStored(EventMessage<?> message, long position) {
        StoredEvent known = window.remove(message.getIdentifier());
        if (known != null) return known;
        window.clear();
        jdbc.query("select " + COLUMNS + " from domain_event_entry where global_index between ? and ?",
                rs -> { StoredEvent e = row(rs, 1); window.put(e.eventId(), e); }, position, position + AHEAD);
        known = window.remove(message.getIdentifier());
        if (known != null) return known;
        List<StoredEvent> late = new ArrayList<>();
        jdbc.query("select " + COLUMNS + " from domain_event_entry where event_identifier = ?",
                rs -> { late.add(row(rs, 1)); }, message.getIdentifier());
        if (late.isEmpty()) throw new IllegalStateException("event " + message.getIdentifier() + " was delivered but is not stored");
        return late.get(0);
    }

    @Override
    public List<StoredEvent> at(List<Long> positions) {
        if (positions.isEmpty()) return List.of();
        List<StoredEvent> events = new ArrayList<>();
        jdbc.query("select " + COLUMNS + " from domain_event_entry where global_index = any(?) order by global_index",
                rs -> { events.add(row(rs, 1)); }, (Object) positions.toArray(Long[]::new));
        return events;
    }

    @Override
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }
}
