package dev.stoa.command.platform;

import dev.stoa.api.identity.UserErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * GDPR erasure reaches the idempotency store: the erased user's stored requests and responses are deleted
 * (a response may echo what they sent). Idempotent, so a replay or retry changes nothing more.
 */
@Component
@ProcessingGroup("idempotency-erasure")
class IdempotencyErasure {
    private final JdbcTemplate jdbc;

    IdempotencyErasure(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @EventHandler
    void on(UserErased e) { jdbc.update("delete from idempotency_record where principal = ?", e.userId().value()); }
}
