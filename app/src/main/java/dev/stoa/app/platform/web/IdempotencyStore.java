package dev.stoa.app.platform.web;

import java.time.Duration;
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

    /**
     * @return true if this request now owns the key; an expired record, or a claim left in progress longer than
     * {@code stale}, is taken over
     */
    boolean begin(String principal, String key, String hash, Duration stale) {
        jdbc.update("delete from idempotency_record where principal = ? and idem_key = ? and (created_at < "
                + "now() - make_interval(secs => ?) or (status is null and created_at < now() - make_interval(secs => ?)))",
                principal, key, retentionSeconds, (double) stale.toSeconds());
        return jdbc.update("insert into idempotency_record(principal, idem_key, request_hash) values (?, ?, ?) "
                + "on conflict do nothing", principal, key, hash) == 1;
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

    void abandon(String principal, String key) {
        jdbc.update("delete from idempotency_record where principal = ? and idem_key = ? and status is null", principal, key);
    }

    /** Deletes up to {@code batch} expired records; returns how many. */
    int expire(int batch) {
        return jdbc.update("delete from idempotency_record where ctid in (select ctid from idempotency_record "
                + "where created_at < now() - make_interval(secs => ?) limit ?)", retentionSeconds, batch);
    }
}
