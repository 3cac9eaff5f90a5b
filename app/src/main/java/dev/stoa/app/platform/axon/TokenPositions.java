package dev.stoa.app.platform.axon;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored tokens of every processor's segments, for the segments another process owns: with several query
 * processes each claims only some segments, and only the token store knows how far the others are. Read in one
 * query for all processors and kept for {@link #MAX_AGE}, so however many reads wait, the store sees at most one
 * such query per interval. Read without claiming ({@code TokenStore.fetchToken} would claim, and steal the
 * segment from its owner), straight from Axon's {@code token_entry} table, deserialized as the token store does.
 */
@Component
public class TokenPositions {
    /** How long one reading of the token store serves every waiter, and how often a waiter re-reads it. */
    static final Duration MAX_AGE = Duration.ofMillis(50);
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot = new Snapshot(System.nanoTime() - 2 * MAX_AGE.toNanos(), Map.of()); // stale

    /** One processor's segment as stored: its token, and who holds the claim (null: nobody). */
    public record StoredSegment(Segment segment, TrackingToken token, String owner) {}

    private record Snapshot(long readAtNanos, Map<String, List<StoredSegment>> byProcessor) {}

    public TokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The stored segments of {@code processor}, at most {@link #MAX_AGE} old. */
    public List<StoredSegment> segments(String processor) {
        Snapshot current = snapshot;
        if (System.nanoTime() - current.readAtNanos() > MAX_AGE.toNanos()) current = refresh(current);
        return current.byProcessor().getOrDefault(processor, List.of());
    }

    private Snapshot refresh(Snapshot seen) {
        refreshing.lock(); // not synchronized: on JDK 21 a virtual thread doing I/O in a monitor pins its carrier
        try {
            return snapshot != seen ? snapshot : read(); // another waiter may have read the store meanwhile
        } finally {
            refreshing.unlock();
        }
    }

    private Snapshot read() {
        Map<String, Map<Integer, GenericTokenEntry<byte[]>>> rows = new HashMap<>();
        jdbc.query("select processor_name, segment, token, token_type, timestamp, owner from token_entry", rs -> {
            var entry = new GenericTokenEntry<>(rs.getBytes("token"), rs.getString("token_type"), rs.getString("timestamp"),
                    rs.getString("owner"), rs.getString("processor_name"), rs.getInt("segment"), byte[].class);
            rows.computeIfAbsent(entry.getProcessorName(), p -> new HashMap<>()).put(entry.getSegment(), entry);
        });
        Map<String, List<StoredSegment>> byProcessor = new HashMap<>();
        rows.forEach((processor, entries) -> {
            int[] ids = entries.keySet().stream().mapToInt(Integer::intValue).toArray();
            byProcessor.put(processor, entries.values().stream()
                    .map(e -> new StoredSegment(Segment.computeSegment(e.getSegment(), ids), e.getToken(serializer), e.getOwner()))
                    .toList());
        });
        snapshot = new Snapshot(System.nanoTime(), byProcessor);
        return snapshot;
    }
}
