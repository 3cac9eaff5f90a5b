package dev.stoa.command.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code mail_outbox} as the dispatcher sees them. Every read locks its rows with
 * {@code for update skip locked}, so several processes dispatch side by side and never pick the same row.
 */
@Component
class MailOutbox {
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString("notification_id"),
            rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
            rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), rs.getString("correlation_id"),
            rs.getString("client_correlation_id"), rs.getString("user_id"));
    private final JdbcTemplate jdbc;

    MailOutbox(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    /** One outbox row; {@code attempts} is the number of delivery attempts made so far. */
    record Row(String notificationId, String recipient, String subject, String text, String html, String status,
               int attempts, String lastError, String correlationId, String clientCorrelationId, String userId) {}

    Optional<Row> lockNextDue() {
        return jdbc.query("""
                select * from mail_outbox where status = 'pending' and next_attempt_at <= now()
                order by next_attempt_at limit 1 for update skip locked""", ROW).stream().findFirst();
    }

    void markSent(String id, int attempt) {
        jdbc.update("""
                update mail_outbox set status = 'sent', attempts = ?, sent_at = now(), last_error = null,
                       body_text = null, body_html = null where notification_id = ?""", attempt, id);
    }

    void markFailed(String id, int attempt, String reason, boolean willRetry, long retryInMillis) {
        if (willRetry) {
            jdbc.update("""
                    update mail_outbox set attempts = ?, last_error = ?,
                           next_attempt_at = now() + ? * interval '1 millisecond' where notification_id = ?""",
                    attempt, reason, retryInMillis, id);
        } else {
            jdbc.update("""
                    update mail_outbox set status = 'failed', attempts = ?, last_error = ?,
                           body_text = null, body_html = null where notification_id = ?""", attempt, reason, id);
        }
    }

    /** Ids of rows whose latest attempt is not yet in the event log. */
    List<String> unlogged(int limit) {
        return jdbc.queryForList("select notification_id from mail_outbox where logged_attempt < attempts limit ?",
                String.class, limit);
    }

    Optional<Row> lockUnlogged(String id) {
        return jdbc.query("""
                select * from mail_outbox where notification_id = ? and logged_attempt < attempts
                for update skip locked""", ROW, id).stream().findFirst();
    }

    void markLogged(String id, int attempt) {
        jdbc.update("update mail_outbox set logged_attempt = ? where notification_id = ?", attempt, id);
    }
}
