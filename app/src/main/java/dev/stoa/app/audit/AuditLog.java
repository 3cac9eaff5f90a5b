package dev.stoa.app.audit;

import static dev.stoa.api.platform.MetadataKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.app.platform.axon.AxonJson;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
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
 * the rows, so each event is chained exactly once; an event that commits late (the JPA store's gaps) is chained when
 * it arrives, after its successors. No write waits for this processor, and it has no dead-letter queue: an event it
 * cannot chain is retried, never skipped. It is not a read model either: it is never replayed or rebuilt.
 */
@Component
@Profile("!command")
@ProcessingGroup(AuditLog.PROCESSOR)
public class AuditLog {
    public static final String PROCESSOR = "audit-log";
    /** Payload fields naming the order, enrollment, payment or refund an event belongs to (an order's timeline). */
    static final List<String> REF_FIELDS = List.of("orderId", "enrollmentId", "paymentId", "refundId");
    private final StoredEvents store;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = AxonJson.mapper();

    AuditLog(StoredEvents store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("a token without a position: " + token));
        StoredEvent stored = store.asStored(message, position);
        record Last(long seq, byte[] hash) {}
        List<Last> last = jdbc.query("select chain_seq, hash from audit_log order by chain_seq desc limit 1",
                (rs, n) -> new Last(rs.getLong(1), rs.getBytes(2)));
        long seq = last.isEmpty() ? 1 : last.get(0).seq() + 1;
        byte[] hash = stored.link(last.isEmpty() ? StoredEvent.GENESIS : last.get(0).hash());
        String[] refs = refs(stored.payload());
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into audit_log (chain_seq, position, event_id, aggregate_type, aggregate_id, sequence_number,
                                           event_type, occurred_at, user_id, correlation_id, causation_id, refs, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (position) do nothing""");
            ps.setLong(1, seq);
            ps.setLong(2, position);
            ps.setString(3, stored.eventId());
            ps.setString(4, stored.aggregateType());
            ps.setString(5, stored.aggregateId());
            ps.setLong(6, stored.sequence());
            ps.setString(7, message.getPayloadType().getSimpleName());
            ps.setTimestamp(8, Timestamp.from(message.getTimestamp()));
            ps.setString(9, text(message.getMetaData().get(USER_ID)));
            ps.setString(10, text(message.getMetaData().get(CORRELATION_ID)));
            ps.setString(11, text(message.getMetaData().get(CAUSATION_ID)));
            ps.setArray(12, con.createArrayOf("text", refs));
            ps.setBytes(13, hash);
            return ps;
        });
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
