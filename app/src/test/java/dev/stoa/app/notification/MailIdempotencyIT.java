package dev.stoa.app.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.notification.NotificationId;
import dev.stoa.api.notification.QueueNotification;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.app.embedded.EmbeddedSmtp;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Processors;
import dev.stoa.command.notification.MailRequest;
import dev.stoa.command.notification.Mailer;
import dev.stoa.command.notification.Notification;
import dev.stoa.command.platform.web.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail side effects happen once, however often their cause is processed: a batch retried after its notification was
 * stored, an event delivered again, a processor someone tries to replay.
 */
class MailIdempotencyIT extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @Autowired Mailer mailer;
    @Autowired Commands commands;
    @Autowired PersonalData personal;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventStore eventStore;
    @Autowired TokenStore tokenStore;
    @Autowired EventProcessingConfiguration processing;
    @Value("${stoa.data-dir}") String dataDir;

    /** With Axon Server the batch's outbox row rolled back while its NotificationQueued stayed: the retry must pass. */
    @Test
    void aRetriedBatchWhoseNotificationIsStoredAlreadyQueuesAndSendsOneMail() {
        String userId = UUID.randomUUID().toString();
        String recipient = unique("rita") + "@example.com";
        NotificationId id = NotificationId.derivedFrom("retried-batch", userId);
        commands.send(new QueueNotification(id, new UserId(userId), Notification.EMAIL, personal.seal(userId, recipient),
                "welcome", personal.seal(userId, "Welcome to Stoa"))); // what the rolled-back attempt left behind
        assertThat(outboxRows(id.value())).isZero();

        transactions.executeWithoutResult(s -> mailer.send(new MailRequest(id.value(), userId, recipient, "welcome",
                Map.of("firstName", "Rita"))));

        Await.until(() -> events(id.value()).contains("NotificationSent"), WAIT, "the mail is sent");
        Await.pause(Duration.ofMillis(600));
        assertThat(smtp().received(recipient)).hasSize(1);
        assertThat(outboxRows(id.value())).isOne();
        assertThat(events(id.value())).containsExactly("NotificationQueued", "NotificationSent");
    }

    @Test
    void aMailEventDeliveredAgainOrReplayedQueuesNoSecondMail() {
        String email = unique("redo") + "@example.org";
        String userId = api.post("/api/v1/auth/register", Map.of("email", email, "password", "correct horse 42",
                "firstName", "Redo", "lastName", "Twice"), null).body().get("userId").asText();
        Await.until(() -> smtp().received(email).size() == 1, WAIT, "the verification mail");
        Processors processors = new Processors(processing, eventStore);
        StreamingEventProcessor mails = processors.get("identity-mail");
        long registered = jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 0", Long.class, userId);

        // delivered again (a retried batch, a token that was not stored): the processor goes back before the event
        mails.shutDown();
        transactions.executeWithoutResult(s -> tokenStore.storeToken(GapAwareTrackingToken.newInstance(registered - 1,
                Set.of()), mails.getName(), 0));
        mails.start();
        Await.until(() -> processors.position(mails.getName()) >= registered, WAIT, "identity-mail handled it again");

        // replayed: a processor that sends mail refuses to be reset at all (@DisallowReplay on every handler)
        mails.shutDown();
        assertThat(mails.supportsReset()).isFalse();
        assertThatThrownBy(mails::resetTokens).isInstanceOf(IllegalStateException.class);
        mails.start();

        Await.pause(Duration.ofMillis(600));
        assertThat(smtp().received(email)).as("one verification mail").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where user_id = ? and template_name = ?",
                Integer.class, userId, "email-verification")).isOne();
    }

    private int outboxRows(String id) {
        return jdbc.queryForObject("select count(*) from mail_outbox where notification_id = ?", Integer.class, id);
    }

    private List<String> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }

    private EmbeddedSmtp smtp() { return EmbeddedSmtp.running(Path.of(dataDir)); }
}
