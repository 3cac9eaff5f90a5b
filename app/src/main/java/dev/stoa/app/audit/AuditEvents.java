package dev.stoa.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stoa.api.platform.MetadataKeys;
import dev.stoa.app.platform.axon.AxonJson;
import dev.stoa.app.platform.security.SealedFields;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event log as auditors read it: {@code audit_log} says which events match (its columns are indexed for every
 * filter), the event store gives their payload and metadata as stored, {@link SealedFields} opens the personal
 * fields for the answer and {@link SecretMask} hides secrets and their hashes (as in a rebuilt state).
 */
@Component
public class AuditEvents {
    static final int EXPORT_PAGE = 500;
    private final NamedParameterJdbcTemplate jdbc;
    private final StoredEvents store;
    private final SealedFields sealed;
    private final OrderBuyers buyers;
    private final ObjectMapper json = AxonJson.mapper();

    AuditEvents(NamedParameterJdbcTemplate jdbc, StoredEvents store, SealedFields sealed, OrderBuyers buyers) {
        this.jdbc = jdbc;
        this.store = store;
        this.sealed = sealed;
        this.buyers = buyers;
    }

    /**
     * The matching events after position {@code after}, at most {@code limit}, in the order the log chained them:
     * position order, except that an event which committed late (the JPA store hands out positions before commit, so a
     * transaction may commit after one with a higher position) comes where it was chained, after events with higher
     * positions. Paged by the chain, so no event is ever passed: a page by position would end past such an event
     * before it was stored, and the next page, after that end, would never show it. {@code after} names an event's
     * position; the page goes on after that event in the chain. When no event has that position (a gap, a hand-picked
     * value), it starts at the first event chained with a higher position, so none of those is passed.
     */
    public AuditPage page(AuditFilter filter, long after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("after", after).addValue("limit", limit);
        StringBuilder where = new StringBuilder("chain_seq > coalesce((select chain_seq from audit_log where position = :after),"
                + " (select min(chain_seq) - 1 from audit_log where position > :after),"
                + " (select max(chain_seq) from audit_log), 0)");
        add(where, params, "aggregate_type = :aggregateType", "aggregateType", AuditFilter.storedType(filter.aggregateType()));
        add(where, params, "aggregate_id = :aggregateId", "aggregateId", filter.aggregateId());
        add(where, params, "event_type = :type", "type", blankToNull(filter.type()));
        add(where, params, "occurred_at >= :from", "from", filter.from() == null ? null : Timestamp.from(filter.from()));
        add(where, params, "occurred_at < :to", "to", filter.to() == null ? null : Timestamp.from(filter.to()));
        add(where, params, "correlation_id = :correlationId", "correlationId", blankToNull(filter.correlationId()));
        add(where, params, "user_id = :userId", "userId", blankToNull(filter.userId()));
        add(where, params, "client_correlation_id = :clientCorrelationId", "clientCorrelationId",
                blankToNull(filter.clientCorrelationId()));
        List<Long> positions = jdbc.queryForList("select position from audit_log where " + where
                + " order by chain_seq limit :limit", params, Long.class);
        List<AuditEntry> items = entries(positions);
        Long next = positions.size() < limit ? null : positions.get(positions.size() - 1);
        return new AuditPage(items, limit, after, next);
    }

    /** Every matching event after {@code after}, page by page: memory stays flat however many there are. */
    public void export(AuditFilter filter, long after, Consumer<AuditPage> pages) {
        long from = after;
        while (true) {
            AuditPage page = page(filter, from, EXPORT_PAGE);
            if (!page.items().isEmpty()) pages.accept(page);
            if (page.next() == null) return;
            from = page.next();
        }
    }

    /**
     * Up to {@code limit} events of one aggregate after the one at position {@code after}, in its order (an aggregate's
     * events commit one after the other, so their positions rise with their sequence: a page never passes one).
     */
    public List<AuditEntry> ofAggregate(String aggregateId, long after, int limit) {
        return entries(jdbc.queryForList("select position from audit_log where aggregate_id = :id and position > :after"
                + " order by position limit :limit", Map.of("id", aggregateId, "after", after, "limit", limit), Long.class));
    }

    /** Every event of one aggregate, in its order. */
    public List<AuditEntry> ofAggregate(String aggregateId) {
        return entries(jdbc.queryForList("select position from audit_log where aggregate_id = :id order by position",
                Map.of("id", aggregateId), Long.class));
    }

    /** Events of other aggregates that name this order, enrollment, payment or refund ({@link AuditLog#REF_FIELDS}). */
    public List<AuditEntry> naming(String id) {
        return entries(jdbc.queryForList("select position from audit_log where refs @> array[cast(:id as text)]"
                + " and aggregate_id <> :id order by position", Map.of("id", id), Long.class));
    }

    /** The type of the message with this id, when it is a chained event (a saga's step caused by it). */
    public Map<String, Object> event(String eventId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select position, event_type, aggregate_type, aggregate_id"
                + " from audit_log where event_id = :id", Map.of("id", eventId));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The aggregate type stored for this id, null when the log holds no event of it. */
    public String typeOf(String aggregateId) {
        List<String> types = jdbc.queryForList("select aggregate_type from audit_log where aggregate_id = :id limit 1",
                Map.of("id", aggregateId), String.class);
        return types.isEmpty() ? null : types.get(0);
    }

    /** The entries of the events at {@code positions}, in that order. */
    private List<AuditEntry> entries(List<Long> positions) {
        Map<Long, StoredEvent> stored = new HashMap<>();
        for (StoredEvent event : store.at(positions)) stored.put(event.position(), event);
        List<AuditEntry> entries = new ArrayList<>(positions.size());
        SealedFields.Opener opener = sealed.opener(); // each user's key looked up once per page
        for (Long position : positions) {
            StoredEvent event = stored.get(position);
            if (event != null) entries.add(entry(event, opener));
        }
        return entries;
    }

    AuditEntry entry(StoredEvent event, SealedFields.Opener opener) {
        JsonNode metadata = tree(event.metadata());
        String userId = text(metadata, MetadataKeys.USER_ID);
        // the client's labels, sealed with the user's key: opened, or [erased] with the user
        AuditEntry.Metadata meta = new AuditEntry.Metadata(userId,
                text(metadata, MetadataKeys.CORRELATION_ID), text(metadata, MetadataKeys.CAUSATION_ID),
                text(metadata, MetadataKeys.CAUSATION_TYPE), text(metadata, MetadataKeys.REQUEST),
                opener.label(text(metadata, MetadataKeys.IDEMPOTENCY_KEY), userId),
                text(metadata, MetadataKeys.TRIGGER_EVENT_ID),
                opener.label(text(metadata, MetadataKeys.CLIENT_CORRELATION_ID), userId));
        List<String> owners = new ArrayList<>();
        owners.add(event.aggregateId());
        owners.add(meta.userId());
        JsonNode raw = tree(event.payload());
        owners.addAll(buyers.of(raw)); // a payment's refund request names the order, not the buyer whose key sealed it
        JsonNode payload = SecretMask.hide(opener.open(raw, owners));
        return new AuditEntry(event.position(), event.eventId(), AuditFilter.apiType(event.aggregateType()),
                event.aggregateId(), event.sequence(), simpleName(event.payloadType()), event.payloadRevision(),
                instant(event.timestamp()), payload, meta);
    }

    private JsonNode tree(byte[] bytes) {
        if (bytes == null) return null;
        try {
            return json.readTree(bytes);
        } catch (IOException notJson) {
            return TextNode.valueOf("[not JSON: " + bytes.length + " bytes]");
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode value = tree == null ? null : tree.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String simpleName(String type) {
        if (type == null) return null;
        String name = type.substring(type.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    private static Instant instant(String stored) {
        try {
            return Instant.parse(stored);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String blankToNull(String value) { return value == null || value.isBlank() ? null : value.trim(); }

    private static void add(StringBuilder where, MapSqlParameterSource params, String clause, String name, Object value) {
        if (value == null) return;
        where.append(" and ").append(clause);
        params.addValue(name, value);
    }
}
