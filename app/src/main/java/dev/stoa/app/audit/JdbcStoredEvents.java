package dev.stoa.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JPA/JDBC event store's rows, read with plain JDBC: the payload and metadata bytes exactly as stored. Single
 * events are served from a small window read ahead ({@value #AHEAD} positions), since the audit-log processor asks
 * for them one after the other.
 */
class JdbcStoredEvents implements StoredEvents {
    static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,"
            + " payload_type, payload_revision, payload, meta_data";
    private static final int AHEAD = 256;
    private static final int FETCH = 2_000;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Map<Long, StoredEvent> window = new HashMap<>();

    JdbcStoredEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    static StoredEvent row(ResultSet rs, int offset) throws SQLException {
        return new StoredEvent(rs.getLong(offset), rs.getString(offset + 1), rs.getString(offset + 2), rs.getString(offset + 3),
                rs.getLong(offset + 4), rs.getString(offset + 5), rs.getString(offset + 6), rs.getString(offset + 7),
                rs.getBytes(offset + 8), rs.getBytes(offset + 9));
    }

    @Override
    public synchronized Optional<StoredEvent> at(long position) {
        StoredEvent known = window.remove(position);
        if (known != null) return Optional.of(known);
        window.clear();
        jdbc.query("select " + COLUMNS + " from domain_event_entry where global_index between ? and ?",
                rs -> { StoredEvent e = row(rs, 1); window.put(e.position(), e); }, position, position + AHEAD);
        return Optional.ofNullable(window.remove(position));
    }

    @Override
    public StoredEvent asStored(org.axonframework.eventhandling.EventMessage<?> message, long position) {
        return at(position).orElseThrow(() -> new IllegalStateException(
                "event " + message.getIdentifier() + " was delivered at position " + position + " but is not stored there"));
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
    public void forEach(long fromInclusive, long toInclusive, Consumer<StoredEvent> action) {
        readOnly.executeWithoutResult(status -> {
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            streaming.setFetchSize(FETCH);
            streaming.query("select " + COLUMNS + " from domain_event_entry where global_index between ? and ? order by global_index",
                    rs -> { action.accept(row(rs, 1)); }, fromInclusive, toInclusive);
        });
    }

    @Override
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }
}
