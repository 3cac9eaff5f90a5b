package dev.stoa.app.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The idempotency_record table; every call is its own short transaction, apart from the request's. A record
 * older than {@code stoa.idempotency.retention} counts as gone at once, and {@link IdempotencyExpiry} deletes it.
 */
@Component
class IdempotencyStore {
    /**
     * A stored first response; {@code withheld}: it carried a secret, so only the fact of it is kept;
     * {@code correlationId}: the first request's (null in records stored before 2026-12-06).
     */
    record Stored(String requestHash, Integer status, String contentType, String location, Long position, byte[] body,
                  boolean withheld, String correlationId) {}

    private final JdbcTemplate jdbc;
    private final double retentionSeconds;

    IdempotencyStore(JdbcTemplate jdbc, @Value("${stoa.idempotency.retention:24h}") Duration retention) {
        this.jdbc = jdbc;
        this.retentionSeconds = retention.toSeconds();
    }

    /** What {@link #begin} found: the key is this request's now (first, or a retry of one left unanswered), or taken. */
    enum Claim {
        /** No request had the key (or its record expired): this one runs first. */
        FIRST,
        /**
         * The same request (same fingerprint) ran with this key and no answer was kept: it died (a crash, a claim left in
         * progress longer than {@code stale}) or ended in a 5xx. What it did may have happened; this one runs again, and
         * a handler may answer its own earlier effect as done ({@code RequestContext.retryOfUnanswered}).
         */
        RETRY_OF_UNANSWERED,
        /** Another request holds the key, or answered under it: replay or refuse. */
        TAKEN
    }

    /** An abandoned claim's status: the request ended without an answer kept. */
    static final int UNANSWERED = 0;

    /**
     * Claims the key. An expired record is deleted first; a claim of the same request left unanswered (abandoned, or in
     * progress longer than {@code stale}) is taken over. One of another request stays, and is answered as a reuse of
     * the key (before 2026-12-06, eighth session, a stale claim was taken over whatever its request, and an abandoned
     * one left no trace, so a retry could not tell that the first try may have done its work).
     */
    Claim begin(String principal, String key, String hash, Duration stale) {
        // one statement: an expired record goes (true: it was expired), and so does an unanswered claim of this request
        List<Boolean> gone = jdbc.queryForList("delete from idempotency_record where principal = ? and idem_key = ? "
                + "and (created_at < now() - make_interval(secs => ?) or (request_hash = ? and (status = ? or "
                + "(status is null and created_at < now() - make_interval(secs => ?))))) "
                + "returning created_at < now() - make_interval(secs => ?)", Boolean.class, principal, key, retentionSeconds,
                hash, UNANSWERED, (double) stale.toSeconds(), retentionSeconds);
        boolean retry = !gone.isEmpty() && !gone.get(0);
        boolean owned = jdbc.update("insert into idempotency_record(principal, idem_key, request_hash) values (?, ?, ?) "
                + "on conflict do nothing", principal, key, hash) == 1;
        return !owned ? Claim.TAKEN : retry ? Claim.RETRY_OF_UNANSWERED : Claim.FIRST;
    }

    Optional<Stored> find(String principal, String key) {
        return jdbc.query("select request_hash, status, content_type, location, position, body, withheld, correlation_id "
                        + "from idempotency_record where principal = ? and idem_key = ? "
                        + "and created_at >= now() - make_interval(secs => ?)",
                rs -> rs.next() ? Optional.of(new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5), rs.getBytes(6), rs.getBoolean(7), rs.getString(8)))
                        : Optional.empty(),
                principal, key, retentionSeconds);
    }

    /** Records the first response; with {@code withheld} its body is not kept (it carried a secret). */
    void complete(String principal, String key, int status, String contentType, String location, Long position,
                  byte[] body, boolean withheld, String correlationId) {
        jdbc.update("update idempotency_record set status = ?, content_type = ?, location = ?, position = ?, body = ?, "
                + "withheld = ?, correlation_id = ?, completed_at = now() where principal = ? and idem_key = ?", status,
                contentType, location, position, withheld ? null : body, withheld, correlationId, principal, key);
    }

    /**
     * The request ends without an answer kept. {@code ran}: its handler ran (a 5xx, an exception), so its work may have
     * happened: the claim stays, marked {@link #UNANSWERED}, for the retry to know; else (refused before the handler)
     * it goes, as if never made.
     */
    void abandon(String principal, String key, boolean ran) {
        if (ran) jdbc.update("update idempotency_record set status = ? where principal = ? and idem_key = ? and status is null",
                UNANSWERED, principal, key);
        else jdbc.update("delete from idempotency_record where principal = ? and idem_key = ? and status is null", principal, key);
    }

    /** Deletes up to {@code batch} expired records; returns how many. */
    int expire(int batch) {
        return jdbc.update("delete from idempotency_record where ctid in (select ctid from idempotency_record "
                + "where created_at < now() - make_interval(secs => ?) limit ?)", retentionSeconds, batch);
    }
}
