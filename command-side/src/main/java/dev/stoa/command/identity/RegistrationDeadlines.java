package dev.stoa.command.identity;

import dev.stoa.api.identity.ExpireRegistration;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.MetadataKeys;
import dev.stoa.command.platform.web.Commands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.stoa.command.platform.PeriodicTask;
import dev.stoa.command.platform.Refusals;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.BeforeEvents;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Unverified registrations expire: each gets a deadline in {@code registration_deadline}, written in the
 * registration's own transaction; every {@code stoa.identity.registration-check-interval} the due ones are sent
 * {@link ExpireRegistration} (a verified account ignores it) and their rows deleted. So an address somebody else
 * registered is free again after {@code stoa.identity.unverified-registration-lifetime}. Any number of command
 * processes may run this: a second expiry of the same account changes nothing.
 */
@Component
class RegistrationDeadlines extends PeriodicTask {
    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final BeforeEvents beforeEvents;
    private final Duration lifetime;

    RegistrationDeadlines(JdbcTemplate jdbc, Commands commands, BeforeEvents beforeEvents,
                          @Value("${stoa.identity.unverified-registration-lifetime:48h}") Duration lifetime,
                          @Value("${stoa.identity.registration-check-interval:1m}") Duration interval) {
        super("registration-deadlines", interval);
        this.jdbc = jdbc;
        this.commands = commands;
        this.beforeEvents = beforeEvents;
        this.lifetime = lifetime;
    }

    void schedule(String userId) {
        beforeEvents.write(() -> jdbc.update("insert into registration_deadline(user_id, expires_at) "
                + "values (?, now() + make_interval(secs => ?)) on conflict do nothing", userId, (double) lifetime.toSeconds()));
    }

    /** One pass over up to 200 due registrations; returns how many were handled. */
    @Override
    public int runOnce() {
        List<String> due = jdbc.queryForList("select user_id from registration_deadline where expires_at <= now() "
                + "order by expires_at limit 200", String.class);
        int handled = 0;
        for (String userId : due) {
            try {
                commands.send(GenericCommandMessage.asCommandMessage(new ExpireRegistration(new UserId(userId)))
                        .andMetaData(Map.of(MetadataKeys.USER_ID, "system", MetadataKeys.CORRELATION_ID,
                                UUID.randomUUID().toString(), MetadataKeys.CAUSATION_ID, "registration-deadline:" + userId)));
            } catch (CommandExecutionException e) {
                // the deadline of a registration whose command failed after it was written (with Axon Server): there is
                // no account to expire; anything else stays for the next pass
                if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e;
            }
            jdbc.update("delete from registration_deadline where user_id = ?", userId);
            handled++;
        }
        return handled;
    }
}
