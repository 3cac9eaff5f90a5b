package dev.stoa.command.notification;

import dev.stoa.api.identity.UserErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * GDPR erasure reaches the outbox: an erased user's mails keep their id and status (the log says a mail
 * went out) but lose the address, subject, any body still waiting and the last error (an SMTP error may quote
 * the address), and are not sent any more.
 */
@Component
@ProcessingGroup("notification-erasure")
class OutboxErasure {
    private final JdbcTemplate jdbc;

    OutboxErasure(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @EventHandler
    void on(UserErased e) {
        jdbc.update("update mail_outbox set recipient = 'erased@erased.invalid', subject = '[erased]', body_text = null, "
                + "body_html = null, last_error = null, client_correlation_id = null, status = case when status = 'pending' then 'failed' else status end "
                + "where user_id = ?", e.userId().value());
    }
}
