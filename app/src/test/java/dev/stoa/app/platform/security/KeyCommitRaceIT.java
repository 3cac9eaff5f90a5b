package dev.stoa.app.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.app.embedded.EmbeddedSmtp;
import dev.stoa.app.platform.axon.PositionGate;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Processors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Axon Server does to a registration (its events are visible before PostgreSQL commits the command's
 * transaction), replayed on purpose: the user's key is written but not committed while a {@code UserRegistered}
 * sealed with it is already in the event store. The projection must not store "[erased]" for a user who was never
 * erased: the event is parked and retried until the key is there, then the read model shows the real names, and
 * the verification mail goes to the real address.
 */
class KeyCommitRaceIT extends ApiTest {
    @Autowired Sealing sealing;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventStore eventStore;
    @Autowired TransactionManager transactions;
    @Autowired EventProcessingConfiguration processing;
    @Autowired PositionGate gate;
    @Value("${stoa.data-dir}") String dataDir;

    @Test
    void aKeyCommittedAfterItsEventsIsWaitedForNeverReadAsErased() throws Exception {
        String userId = UUID.randomUUID().toString();
        String email = unique("late") + "@example.org";
        KeysetHandle keyset = Keysets.fresh();
        Aead aead = Keysets.aead(keyset);
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement insert = held.prepareStatement("insert into personal_data_key(user_id, keyset) values (?, ?)")) {
                insert.setString(1, userId);
                insert.setBytes(2, sealing.wrap(keyset, userId));
                insert.executeUpdate(); // written, not committed: the command's transaction still running
            }
            UserRegistered registered = new UserRegistered(new UserId(userId), seal(aead, userId, email), HASH,
                    seal(aead, userId, "Ada"), seal(aead, userId, "Late"), null, Set.of("customer"), false);
            UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            uow.attachTransaction(transactions);
            var event = new GenericDomainEventMessage<>("UserAccount", userId, 0, registered);
            uow.execute(() -> eventStore.publish(event));
            Processors processors = new Processors(processing, eventStore);
            long position = processors.head();

            assertThat(gate.awaitProcessor("notification-log", position, Duration.ofSeconds(30))).isTrue(); // visible: another one passed it
            Await.pause(Duration.ofSeconds(3)); // the user read model has tried (and retried) it by now
            assertThat(jdbc.queryForList("select email, first_name from user_view where id = ?", userId))
                    .as("no profile yet, and above all no [erased] one").isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = 'user-read-model' "
                    + "and event_identifier = ?", Long.class, event.getIdentifier()))
                    .as("the event waits, parked and retried, instead of being read as erased").isEqualTo(1);

            held.commit();
        }
        await(() -> !jdbc.queryForList("select 1 from user_view where id = ?", userId).isEmpty(), "the profile appears");
        Map<String, Object> row = jdbc.queryForMap("select email, first_name, last_name from user_view where id = ?", userId);
        assertThat(row).containsEntry("email", email).containsEntry("first_name", "Ada").containsEntry("last_name", "Late");
        assertThat(row.values()).doesNotContain(PersonalData.ERASED);
        await(() -> smtp().received(email).size() == 1, "the verification mail, to the real address");
        List<EmbeddedSmtp.ReceivedMail> mails = smtp().received(email);
        assertThat(mails.get(0).text()).contains("Hello Ada");
    }

    private static final String HASH = "$2a$04$abcdefghijklmnopqrstuu5Zk4WJ0kYbQvSg1h2b6pWl0D4x9cH9e";

    private static String seal(Aead aead, String userId, String value) {
        return Keysets.seal(aead, JdbcPersonalData.SEALED, value, Keysets.utf8(userId));
    }

    private EmbeddedSmtp smtp() { return EmbeddedSmtp.running(Path.of(dataDir)); }

    private static void await(BooleanSupplier done, String what) { Await.until(done, Duration.ofSeconds(90), what); }
}
