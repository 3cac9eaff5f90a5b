package dev.stoa.app.audit;

import static dev.stoa.api.platform.MetadataKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.api.identity.UserErased;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.app.platform.axon.AxonJson;
import dev.stoa.app.platform.security.SealedFields;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Chains every stored event into {@code audit_log}, in the order this single-segment processor receives them: each
 * row's hash covers the event as stored ({@link StoredEvent#link}) and the previous row's hash. Its token commits with
 * the rows (inserted together as its batch commits), so each event is chained exactly once; an event that commits late (the JPA store's gaps) is chained when
 * it arrives, after its successors. No write waits for this processor, and it has no dead-letter queue: an event it
 * cannot chain is retried, never skipped. It is not a read model either: it is never replayed or rebuilt.
 */
@Component
@Profile("!command")
@ProcessingGroup(AuditLog.PROCESSOR)
public class AuditLog {
    public static final String PROCESSOR = "audit-log";
    /**
     * Payload fields naming the order, enrollment, payment or refund an event belongs to (an order's timeline);
     * {@code reference}: what a course grant or revocation came from (an order), since 2026-12-05.
     */
    static final List<String> REF_FIELDS = List.of("orderId", "enrollmentId", "paymentId", "refundId", "reference");
    private final StoredEvents store;
    private final JdbcTemplate jdbc;
    private final SealedFields sealed;
    private final ObjectMapper json = AxonJson.mapper();

    AuditLog(StoredEvents store, JdbcTemplate jdbc, SealedFields sealed) {
        this.store = store;
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    @EventHandler
    @DisallowReplay
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        long seen = token.position().orElseThrow(() -> new IllegalStateException("a token without a position: " + token));
        StoredEvent stored = store.asStored(message, seen);
        Batch batch = batch();
        if (stored.position() <= batch.maxPosition && chained(stored.position(), batch)) return; // delivered twice
        byte[] hash = stored.link(batch.lastHash);
        batch.lastSeq++;
        batch.lastHash = hash;
        String userId = text(message.getMetaData().get(USER_ID));
        batch.rows.add(new Row(batch.lastSeq, stored, AuditEvents.simpleName(stored.payloadType()), message.getTimestamp(),
                userId, text(message.getMetaData().get(CORRELATION_ID)), text(message.getMetaData().get(CAUSATION_ID)),
                label(batch, userId, text(message.getMetaData().get(CLIENT_CORRELATION_ID))), refs(stored.payload()), hash));
        if (payload instanceof UserErased erased) batch.erased.add(erased.userId().value());
    }

    /**
     * The client's label as the filter finds it: opened (it is sealed with the user's key since 2026-12-07); none once
     * the user was erased, nor when no key of the user's opens it. Never a failure that would stop the chain. Each
     * user's key is looked up once a batch.
     */
    private String label(Batch batch, String userId, String label) {
        if (label == null) return null;
        String opened = batch.opener.label(label, userId);
        return PersonalData.ERASED.equals(opened) || SealedFields.UNKNOWN_OWNER.equals(opened) ? null : opened;
    }

    /** One row to insert; {@code seq} and {@code hash} continue the chain from the previous row. */
    private record Row(long seq, StoredEvent event, String type, Instant at, String userId, String correlationId,
                       String causationId, String clientCorrelationId, String[] refs, byte[] hash) {}

    /** The rows of the processor's current batch, inserted together just before its transaction commits. */
    private static final class Batch {
        long lastSeq;
        long maxPosition;
        byte[] lastHash;
        final List<Row> rows = new ArrayList<>();
        SealedFields.Opener opener;
        /** Users erased in this batch: the labels of their rows are dropped once the rows are in. */
        final List<String> erased = new ArrayList<>();
    }

    /**
     * The batch of the unit of work the processor handles this event in (its whole batch of events, one transaction
     * with its token), started from the last stored link. A rolled-back batch takes its rows with it.
     */
    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(Batch.class.getName(), key -> {
            Batch batch = new Batch();
            batch.opener = sealed.opener();
            jdbc.query("select chain_seq, hash from audit_log order by chain_seq desc limit 1", rs -> {
                batch.lastSeq = rs.getLong(1);
                batch.lastHash = rs.getBytes(2);
            });
            if (batch.lastHash == null) batch.lastHash = StoredEvent.GENESIS;
            Long max = jdbc.queryForObject("select max(position) from audit_log", Long.class);
            batch.maxPosition = max == null ? -1 : max;
            root.onPrepareCommit(u -> {
                insert(batch.rows);
                forgetLabels(batch.erased);
            });
            return batch;
        });
    }

    /** Whether an event behind the chain's furthest position (a late commit, or a redelivery) is chained already. */
    private boolean chained(long position, Batch batch) {
        if (batch.rows.stream().anyMatch(row -> row.event().position() == position)) return true;
        return !jdbc.queryForList("select 1 from audit_log where position = ?", Integer.class, position).isEmpty();
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) return;
        jdbc.execute((java.sql.Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    insert into audit_log (chain_seq, position, event_id, aggregate_type, aggregate_id, sequence_number,
                                           event_type, occurred_at, user_id, correlation_id, causation_id, refs, hash,
                                           client_correlation_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Row row : rows) {
                    StoredEvent e = row.event();
                    ps.setLong(1, row.seq());
                    ps.setLong(2, e.position());
                    ps.setString(3, e.eventId());
                    ps.setString(4, e.aggregateType());
                    ps.setString(5, e.aggregateId());
                    ps.setLong(6, e.sequence());
                    ps.setString(7, row.type());
                    ps.setTimestamp(8, Timestamp.from(row.at()));
                    ps.setString(9, row.userId());
                    ps.setString(10, row.correlationId());
                    ps.setString(11, row.causationId());
                    ps.setArray(12, con.createArrayOf("text", row.refs()));
                    ps.setBytes(13, row.hash());
                    ps.setString(14, row.clientCorrelationId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * An erased user's labels leave the log's filter (the events' copies are sealed with the key the erasure destroyed,
     * or, stored before 2026-12-07, masked in every audit answer). The rows and their hashes stay: a row's hash covers
     * the stored event, not this column.
     */
    private void forgetLabels(List<String> users) {
        for (String user : users)
            jdbc.update("update audit_log set client_correlation_id = null where user_id = ? and client_correlation_id is not null", user);
    }

    private String[] refs(byte[] payload) {
        List<String> refs = new ArrayList<>();
        try {
            JsonNode tree = json.readTree(payload);
            for (String field : REF_FIELDS) {
                JsonNode value = tree.path(field);
                if (value.isTextual()) refs.add(value.textValue());
            }
        } catch (IOException | RuntimeException notJson) {
            // a payload that is no JSON object names nothing
        }
        return refs.toArray(String[]::new);
    }

    private static String text(Object value) { return value == null ? null : value.toString(); }
}
