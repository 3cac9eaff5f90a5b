package dev.stoa.app.audit;

import dev.stoa.api.platform.DomainException;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final TransactionTemplate readOnly;

    IntegrityVerifier(JdbcTemplate jdbc, StoredEvents store, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    private record Link(long seq, long position, String eventId, byte[] hash) {}

    /** Verifies the links whose events lie between the two positions (the whole chain when both are null). */
    public IntegrityReport verify(Long fromPosition, Long toPosition, Consumer<Progress> progress) {
        long started = System.nanoTime();
        long from = fromPosition == null ? 0 : fromPosition;
        long to = toPosition == null ? Long.MAX_VALUE : toPosition;
        String range = fromPosition == null && toPosition == null ? "" : " where position >= ? and position <= ?";
        Object[] bounds = range.isEmpty() ? new Object[0] : new Object[] {from, to};
        Long firstSeq = jdbc.queryForObject("select min(chain_seq) from audit_log" + range, Long.class, bounds);
        Long lastSeq = jdbc.queryForObject("select max(chain_seq) from audit_log" + range, Long.class, bounds);
        long chainHead = value(jdbc.queryForObject("select max(position) from audit_log", Long.class));
        long storeHead = store.head();
        // as an explicit from after to is: an "intact" over no event at all said nothing (it was 200, intact, 0 checked);
        // but the position right after the head is where an incremental check goes on from, and nothing new is no error
        if (fromPosition != null && toPosition == null && fromPosition > storeHead + 1)
            throw DomainException.badInput("from " + fromPosition + " is beyond the position after the log's last, "
                    + storeHead);
        long pending = Math.max(0, storeHead - chainHead); // positions the chain has not reached yet
        if (firstSeq == null) {
            return new IntegrityReport(true, from, toPosition == null ? storeHead : to, 0, chainHead, storeHead, pending,
                    null, millisSince(started), 0);
        }
        long total = lastSeq - firstSeq + 1;
        byte[] previous = firstSeq == 1 ? StoredEvent.GENESIS
                : jdbc.queryForList("select hash from audit_log where chain_seq = ?", byte[].class, firstSeq - 1)
                        .stream().findFirst().orElse(null);
        Walk walk = new Walk(firstSeq, previous, total, started, progress);
        Break broken = previous == null ? new Break(-1, firstSeq - 1, null, "link-removed",
                "the link before chain entry " + firstSeq + " is missing") : null;
        if (broken == null) {
            try {
                if (store instanceof JdbcStoredEvents) walkJoined(firstSeq, lastSeq, walk);
                else walkChunked(firstSeq, lastSeq, walk);
            } catch (Broken stop) {
                broken = stop.at;
            }
        }
        long checked = walk.checked;
        if (broken == null && store instanceof JdbcStoredEvents) broken = inserted(from, Math.min(to, chainHead));
        long took = millisSince(started);
        // the bound checked, not the one asked for: a to beyond the chain's head was echoed as if checked that far
        IntegrityReport report = new IntegrityReport(broken == null, from, Math.min(to, chainHead), checked,
                chainHead, storeHead, pending, broken, took, rate(checked, started));
        if (broken != null) log.warn("The audit chain breaks at position {} ({}): {}", broken.position(), broken.reason(), broken.detail());
        else log.info("Audit chain intact: {} events verified in {} ms", checked, took);
        return report;
    }

    /** The first break, thrown out of a walk to stop it. */
    private static final class Broken extends RuntimeException {
        final Break at;

        Broken(Break at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /** Where a walk along the chain stands: the next expected link, the running hash, the count, the progress. */
    private final class Walk {
        long expectedSeq;
        byte[] previous;
        long checked;
        final long total;
        final long started;
        long lastReport = System.nanoTime();
        final Consumer<Progress> progress;

        Walk(long firstSeq, byte[] previous, long total, long started, Consumer<Progress> progress) {
            this.expectedSeq = firstSeq;
            this.previous = previous;
            this.total = total;
            this.started = started;
            this.progress = progress;
        }

        void accept(Link link, StoredEvent stored) {
            if (link.seq() != expectedSeq) {
                throw new Broken(new Break(link.position(), expectedSeq, null, "link-removed",
                        "chain entries " + expectedSeq + " to " + (link.seq() - 1) + " are missing from audit_log"));
            }
            Break broken = check(link, stored, previous);
            if (broken != null) throw new Broken(broken);
            previous = link.hash();
            expectedSeq++;
            checked++;
            if ((checked & 0xFFF) == 0 && System.nanoTime() - lastReport > 1_000_000_000L) {
                lastReport = System.nanoTime();
                Progress now = new Progress(checked, total, 100.0 * checked / total, rate(checked, started));
                log.info("Verifying the audit chain: {} of {} events ({}%, {} events/s)", checked, total,
                        Math.round(now.percent()), now.eventsPerSecond());
                progress.accept(now);
            }
        }
    }

    /** JPA store: one streamed query joins each link to the row now at its position. */
    private void walkJoined(long firstSeq, long lastSeq, Walk walk) {
        readOnly.executeWithoutResult(status -> {
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            streaming.setFetchSize(CHUNK);
            streaming.query("select a.chain_seq, a.position, a.event_id, a.hash, d." + JdbcStoredEvents.COLUMNS.replace(", ", ", d.")
                            + " from audit_log a left join domain_event_entry d on d.global_index = a.position"
                            + " where a.chain_seq between ? and ? order by a.chain_seq",
                    rs -> {
                        Link link = new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4));
                        rs.getLong(5);
                        walk.accept(link, rs.wasNull() ? null : JdbcStoredEvents.row(rs, 5));
                    }, firstSeq, lastSeq);
        });
    }

    /** Any store: the links a chunk at a time, their events read by position. */
    private void walkChunked(long firstSeq, long lastSeq, Walk walk) {
        long from = firstSeq;
        while (from <= lastSeq) {
            List<Link> links = jdbc.query(
                    "select chain_seq, position, event_id, hash from audit_log where chain_seq >= ? and chain_seq <= ? order by chain_seq limit ?",
                    (rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)), from, lastSeq, CHUNK);
            if (links.isEmpty()) return;
            Map<Long, StoredEvent> events = new HashMap<>();
            for (StoredEvent e : store.at(links.stream().map(Link::position).toList())) events.put(e.position(), e);
            for (Link link : links) walk.accept(link, events.get(link.position()));
            from = links.get(links.size() - 1).seq() + 1;
        }
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
