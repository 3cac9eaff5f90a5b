package dev.stoa.app.platform.web;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The idempotency_record table; every call is its own short transaction, apart from the request's. */
@Component
class IdempotencyStore {
    record Stored(String requestHash, Integer status, String contentType, String location, Long position, byte[] body) {}

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    /** @return true if this request now owns the key; a claim left in progress longer than {@code stale} is taken over */
    boolean begin(String principal, String key, String hash, Duration stale) {
        jdbc.update("delete from idempotency_record where principal = ? and idem_key = ? and status is null "
                + "and created_at < now() - make_interval(secs => ?)", principal, key, (double) stale.toSeconds());
        return jdbc.update("insert into idempotency_record(principal, idem_key, request_hash) values (?, ?, ?) "
                + "on conflict do nothing", principal, key, hash) == 1;
    }

    Optional<Stored> find(String principal, String key) {
        return jdbc.query("select request_hash, status, content_type, location, position, body from idempotency_record "
                        + "where principal = ? and idem_key = ?",
                rs -> rs.next() ? Optional.of(new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5), rs.getBytes(6))) : Optional.empty(), principal, key);
    }

    void complete(String principal, String key, int status, String contentType, String location, Long position, byte[] body) {
        jdbc.update("update idempotency_record set status = ?, content_type = ?, location = ?, position = ?, body = ?, "
                + "completed_at = now() where principal = ? and idem_key = ?", status, contentType, location, position,
                body, principal, key);
    }

    void abandon(String principal, String key) {
        jdbc.update("delete from idempotency_record where principal = ? and idem_key = ? and status is null", principal, key);
    }

    int expire(Duration retention) {
        return jdbc.update("delete from idempotency_record where created_at < now() - make_interval(secs => ?)",
                (double) retention.toSeconds());
    }
}
