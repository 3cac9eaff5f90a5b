package dev.stoa.app.audit;

import dev.stoa.app.audit.IntegrityReport.Break;
import dev.stoa.app.audit.IntegrityReport.Progress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain of {@code audit_log} over the events as stored now and reports the first link that no
 * longer matches. It walks the chain in chunks (its own rows by {@code chain_seq}, the stored events by position), so
 * memory stays flat however long the log; progress goes to the log and to a listener about every second.
 */
@Component
public class IntegrityVerifier {
    private static final Logger log = LoggerFactory.getLogger(IntegrityVerifier.class);
    private static final int CHUNK = 5_000;
    /** An event younger than this that the chain has not seen is on its way (a late commit), not an insertion. */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(5);
    private final JdbcTemplate jdbc;
    private final StoredEvents store;

    IntegrityVerifier(JdbcTemplate jdbc, StoredEvents store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    private record Link(long seq, long position, String eventId, byte[] hash) {}

    /** Verifies the links whose events lie between the two positions (the whole chain when both are null). */
    public IntegrityReport verify(Long fromPosition, Long toPosition, Consumer<Progress> progress) {
        long started = System.nanoTime();
        long from = fromPosition == null ? 0 : fromPosition;
        long to = toPosition == null ? Long.MAX_VALUE : toPosition;
        Long firstSeq = jdbc.queryForObject("select min(chain_seq) from audit_log where position >= ? and position <= ?",
                Long.class, from, to);
        Long lastSeq = jdbc.queryForObject("select max(chain_seq) from audit_log where position >= ? and position <= ?",
                Long.class, from, to);
        long chainHead = value(jdbc.queryForObject("select max(position) from audit_log", Long.class));
        long storeHead = store.head();
        long pending = Math.max(0, storeHead - chainHead); // positions the chain has not reached yet
        if (firstSeq == null) {
            return new IntegrityReport(true, from, toPosition == null ? storeHead : to, 0, chainHead, storeHead, pending,
                    null, millisSince(started), 0);
        }
        long total = lastSeq - firstSeq + 1;
        byte[] previous = firstSeq == 1 ? StoredEvent.GENESIS
                : jdbc.queryForObject("select hash from audit_log where chain_seq = ?", byte[].class, firstSeq - 1);
        long checked = 0, expectedSeq = firstSeq, lastReport = System.nanoTime();
        Break broken = previous == null ? new Break(-1, firstSeq - 1, null, "link-removed",
                "the link before chain entry " + firstSeq + " is missing") : null;
        while (broken == null && expectedSeq <= lastSeq) {
            List<Link> links = jdbc.query(
                    "select chain_seq, position, event_id, hash from audit_log where chain_seq >= ? and chain_seq <= ? order by chain_seq limit ?",
                    (rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)),
                    expectedSeq, lastSeq, CHUNK);
            Map<Long, StoredEvent> events = new HashMap<>();
            for (StoredEvent e : store.at(links.stream().map(Link::position).toList())) events.put(e.position(), e);
            for (Link link : links) {
                if (link.seq() != expectedSeq) {
                    broken = new Break(link.position(), expectedSeq, null, "link-removed",
                            "chain entries " + expectedSeq + " to " + (link.seq() - 1) + " are missing from audit_log");
                    break;
                }
                broken = check(link, events.get(link.position()), previous);
                if (broken != null) break;
                previous = link.hash();
                expectedSeq++;
                checked++;
            }
            if (links.isEmpty()) break;
            if (System.nanoTime() - lastReport > 1_000_000_000L) {
                lastReport = System.nanoTime();
                Progress now = new Progress(checked, total, 100.0 * checked / total, rate(checked, started));
                log.info("Verifying the audit chain: {} of {} events ({}%, {} events/s)", checked, total,
                        Math.round(now.percent()), now.eventsPerSecond());
                progress.accept(now);
            }
        }
        if (broken == null && store instanceof JdbcStoredEvents) broken = inserted(from, Math.min(to, chainHead));
        long took = millisSince(started);
        IntegrityReport report = new IntegrityReport(broken == null, from, toPosition == null ? chainHead : to, checked,
                chainHead, storeHead, pending, broken, took, rate(checked, started));
        if (broken != null) log.warn("The audit chain breaks at position {} ({}): {}", broken.position(), broken.reason(), broken.detail());
        else log.info("Audit chain intact: {} events verified in {} ms", checked, took);
        return report;
    }

    private Break check(Link link, StoredEvent stored, byte[] previous) {
        if (stored == null) {
            return new Break(link.position(), link.seq(), link.eventId(), "removed",
                    "event " + link.eventId() + " was chained at position " + link.position() + " and is no longer stored");
        }
        if (!stored.eventId().equals(link.eventId())) {
            List<Long> chainedAt = jdbc.queryForList("select position from audit_log where event_id = ?", Long.class, stored.eventId());
            return chainedAt.isEmpty()
                    ? new Break(link.position(), link.seq(), link.eventId(), "replaced", "position " + link.position()
                            + " holds event " + stored.eventId() + ", which was never chained, instead of " + link.eventId())
                    : new Break(link.position(), link.seq(), link.eventId(), "reordered", "position " + link.position()
                            + " holds event " + stored.eventId() + ", chained at position " + chainedAt.get(0)
                            + ", instead of " + link.eventId());
        }
        if (!Arrays.equals(stored.link(previous), link.hash())) {
            return new Break(link.position(), link.seq(), link.eventId(), "altered", "event " + link.eventId() + " at position "
                    + link.position() + " is not what was chained: its payload, metadata or envelope changed (or its link)");
        }
        return null;
    }

    /** The first stored event up to the chain's head that the chain does not hold (JPA store only: rows can be added). */
    private Break inserted(long from, long upTo) {
        List<StoredEvent> unchained = new ArrayList<>();
        jdbc.query("select " + JdbcStoredEvents.COLUMNS + " from domain_event_entry d where d.global_index between ? and ?"
                        + " and not exists (select 1 from audit_log a where a.position = d.global_index) order by d.global_index limit 20",
                rs -> { unchained.add(JdbcStoredEvents.row(rs, 1)); }, from, upTo);
        Instant inFlight = Instant.now().minus(IN_FLIGHT);
        for (StoredEvent e : unchained) {
            if (storedBefore(e, inFlight)) {
                return new Break(e.position(), -1, e.eventId(), "inserted", "event " + e.eventId() + " at position "
                        + e.position() + " is stored but was never chained");
            }
        }
        return null;
    }

    private static boolean storedBefore(StoredEvent e, Instant instant) {
        try {
            return Instant.parse(e.timestamp()).isBefore(instant);
        } catch (DateTimeParseException unreadable) {
            return true; // a time that does not parse was not written by Axon
        }
    }

    private static long value(Long value) { return value == null ? -1 : value; }

    private static long millisSince(long nanos) { return (System.nanoTime() - nanos) / 1_000_000; }

    private static long rate(long events, long startedNanos) {
        long nanos = Math.max(1, System.nanoTime() - startedNanos);
        return events * 1_000_000_000L / nanos;
    }
}
