package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.command.platform.BeforeEvents;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows a command writes beside its events: with the JPA store they roll back with the command; with Axon
 * Server (events appended before PostgreSQL commits) they are committed first, so no stored event lacks its row,
 * and what a failed command leaves behind is cleaned up (an orphan registration deadline is dropped).
 */
class BeforeEventsIT extends ApiTest {
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void withTheJpaStoreTheyRollBackWithTheCommandWithAxonServerTheyAreCommittedFirst() {
        String joined = claimInAFailingCommand(new BeforeEvents(transactions, false));
        String separate = claimInAFailingCommand(new BeforeEvents(transactions, true));
        assertThat(jdbc.queryForObject("select count(*) from unique_key where value = ?", Long.class, joined)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from unique_key where value = ?", Long.class, separate)).isOne();
    }

    @Test
    void anOrphanRegistrationDeadlineIsDropped() {
        String nobody = UUID.randomUUID().toString();
        jdbc.update("insert into registration_deadline(user_id, expires_at) values (?, now() - interval '1 second')", nobody);
        Await.until(() -> jdbc.queryForObject("select count(*) from registration_deadline where user_id = ?", Long.class,
                nobody) == 0, Duration.ofSeconds(30), "the deadline of an account that never came to be is dropped");
    }

    /** A unique-key claim written through {@code beforeEvents} inside a command transaction that then fails. */
    private String claimInAFailingCommand(BeforeEvents beforeEvents) {
        String value = unique("claim");
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                beforeEvents.write(() -> jdbc.update("insert into unique_key(kind, value, owner_id) values ('test', ?, ?)",
                        value, UUID.randomUUID().toString()));
                throw new IllegalStateException("the event store refused the events");
            });
        } catch (IllegalStateException expected) {
            // the command failed after its claim
        }
        return value;
    }
}
