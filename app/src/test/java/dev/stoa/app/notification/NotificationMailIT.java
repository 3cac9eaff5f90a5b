package dev.stoa.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.notification.NotificationFailed;
import dev.stoa.api.notification.NotificationId;
import dev.stoa.api.notification.NotificationQueued;
import dev.stoa.app.embedded.EmbeddedSmtp;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.command.notification.MailRequest;
import dev.stoa.command.notification.Mailer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail through the outbox to a real SMTP server (the embedded GreenMail of the test run), once per
 * notification id, and the notification log that the user (and an admin, nobody else) reads.
 */
class NotificationMailIT extends ApiTest {
    @Autowired
    dev.stoa.api.platform.PersonalData personal;
    @Autowired Mailer mailer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventStore eventStore;
    @Autowired JavaMailSenderImpl mailSender;
    @Value("${stoa.data-dir}") String dataDir;
    @Value("${stoa.mail.max-attempts}") int maxAttempts;

    private EmbeddedSmtp smtp() { return EmbeddedSmtp.running(Path.of(dataDir)); }

    @Test
    void mailIsRenderedSentOnceAndShownInTheUsersLog() {
        String userId = UUID.randomUUID().toString();
        String recipient = unique("ada") + "@example.com";
        String id = NotificationId.derivedFrom("verification-it", userId).value();
        MailRequest request = new MailRequest(id, userId, recipient, "email-verification", Map.of("firstName", "Ada <b>",
                "verifyUrl", "https://stoa.test/verify-email?token=tok-" + userId, "token", "tok-" + userId));

        transactions.executeWithoutResult(s -> mailer.send(request));

        List<EmbeddedSmtp.ReceivedMail> mails = await(() -> smtp().received(recipient), m -> m.size() == 1);
        EmbeddedSmtp.ReceivedMail mail = mails.get(0);
        assertThat(mail.to()).containsExactly(recipient);
        assertThat(mail.from()).isEqualTo("no-reply@stoa.local");
        assertThat(mail.subject()).isEqualTo("Confirm your e-mail address for Stoa");
        assertThat(mail.text()).contains("Hello Ada <b>,", "https://stoa.test/verify-email?token=tok-" + userId,
                "enter this code where you signed up: tok-" + userId);
        assertThat(mail.html()).contains("Ada &lt;b&gt;").doesNotContain("Ada <b>");
        assertThat(mail.notificationId()).isEqualTo(id);

        // the same notification id again (a replayed or redelivered event): nothing more is sent
        transactions.executeWithoutResult(s -> mailer.send(request));
        sleep(Duration.ofMillis(600));
        assertThat(smtp().received(recipient)).hasSize(1);

        // the log: the user's own, with status sent and no retry
        String token = tokenAs(userId, "customer");
        JsonNode page = await(() -> api.get("/api/v1/users/me/notifications", token).body(),
                b -> b.path("items").path(0).path("status").asText().equals("sent"));
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("limit").asInt()).isEqualTo(20);
        assertThat(page.get("offset").asInt()).isEqualTo(0);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("channel").asText()).isEqualTo("email");
        assertThat(item.get("templateName").asText()).isEqualTo("email-verification");
        assertThat(item.get("subject").asText()).isEqualTo("Confirm your e-mail address for Stoa");
        assertThat(item.get("retryCount").asInt()).isZero();
        assertThat(item.get("sentAt").isNull()).isFalse();

        // that user and an admin read it; anybody else finds nothing there
        assertThat(api.get("/api/v1/notifications/" + userId, token).body().get("total").asInt()).isEqualTo(1);
        Api.Response admin = api.get("/api/v1/notifications/" + userId, tokenFor("admin"));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        assertThat(admin.body().get("items").get(0).get("id").asText()).isEqualTo(id);
        Api.Response stranger = api.get("/api/v1/notifications/" + userId, tokenFor("customer"));
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("not_found");
        assertThat(api.get("/api/v1/users/me/notifications").status()).isEqualTo(401);
        // an admin asking for a user nobody is gets 404, as a mail to it does (it was 200 and empty)
        Api.Response nobody = api.get("/api/v1/notifications/" + java.util.UUID.randomUUID(), tokenFor("admin"));
        assertThat(nobody.status()).as(nobody.toString()).isEqualTo(404);
        assertThat(nobody.code()).isEqualTo("not_found");

        // the one-time token lives nowhere once the mail is out: not in the outbox, not in any event
        assertThat(jdbc.queryForMap("select body_text, body_html, status from mail_outbox where notification_id = ?", id))
                .containsEntry("body_text", null).containsEntry("body_html", null).containsEntry("status", "sent");
        List<DomainEventMessage<?>> events = events(id);
        assertThat(events).extracting(e -> e.getPayloadType().getSimpleName())
                .containsExactly("NotificationQueued", "NotificationSent");
        assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.getPayload())).doesNotContain("tok-" + userId));
        // the address is the user's personal data: sealed with their key in the event (crypto-shredding)
        String logged = ((NotificationQueued) events.get(0).getPayload()).recipient();
        assertThat(logged).startsWith("pd2:").doesNotContain(recipient);
        assertThat(personal.open(userId, logged)).isEqualTo(recipient);
    }

    @Test
    void devMailboxShowsReceivedMailWithoutAToken() {
        String recipient = unique("grace") + "@example.com";
        transactions.executeWithoutResult(s -> mailer.send(new MailRequest(NotificationId.random().value(), null,
                recipient, "login-code", Map.of("code", "482913", "minutes", 10))));
        await(() -> smtp().received(recipient), m -> m.size() == 1);

        Api.Response mailbox = api.get("/api/v1/dev/mailbox?to=" + recipient.toUpperCase());
        assertThat(mailbox.status()).as(mailbox.toString()).isEqualTo(200);
        assertThat(mailbox.body()).hasSize(1);
        JsonNode mail = mailbox.body().get(0);
        assertThat(mail.get("to").get(0).asText()).isEqualTo(recipient);
        assertThat(mail.get("subject").asText()).as("a subject never carries the code").isEqualTo("Your Stoa login code");
        assertThat(mail.get("text").asText()).contains("482913", "valid for 10 minutes");
        assertThat(mail.get("receivedAt").asText()).isNotBlank();
    }

    @Test
    void unreachableMailServerEndsFailedAfterEveryAttempt() throws Exception {
        String userId = UUID.randomUUID().toString();
        String recipient = unique("linus") + "@example.com";
        String id = NotificationId.random().value();
        int livePort = mailSender.getPort();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) { closedPort = socket.getLocalPort(); }
        mailSender.setPort(closedPort); // the shared context's sender, for this test only (tests run one at a time)
        try {
            transactions.executeWithoutResult(s -> mailer.send(new MailRequest(id, userId, recipient, "welcome",
                    Map.of("firstName", "Linus"))));
            String token = tokenAs(userId, "customer");
            JsonNode item = await(() -> api.get("/api/v1/users/me/notifications", token).body().path("items").path(0),
                    i -> i.path("status").asText().equals("failed"));
            assertThat(item.get("retryCount").asInt()).isEqualTo(maxAttempts - 1);
            assertThat(item.get("sentAt").isNull()).isTrue();
        } finally {
            mailSender.setPort(livePort);
        }
        assertThat(jdbc.queryForMap("select status, attempts, body_text from mail_outbox where notification_id = ?", id))
                .containsEntry("status", "failed").containsEntry("attempts", maxAttempts).containsEntry("body_text", null);
        List<Boolean> retries = events(id).stream().filter(e -> e.getPayload() instanceof NotificationFailed)
                .map(e -> ((NotificationFailed) e.getPayload()).willRetry()).toList();
        assertThat(retries).hasSize(maxAttempts).endsWith(false).doesNotContain(false, atIndex(0));
        // an SMTP error may quote the address: in the event log the reason is sealed with the user's key
        List<String> reasons = events(id).stream().filter(e -> e.getPayload() instanceof NotificationFailed)
                .map(e -> ((NotificationFailed) e.getPayload()).reason()).toList();
        assertThat(reasons).allSatisfy(r -> assertThat(r).startsWith("pd2:"));
        assertThat(personal.open(userId, reasons.get(0))).contains("onnect");
        sleep(Duration.ofMillis(300));
        assertThat(smtp().received(recipient)).isEmpty(); // failed for good: not sent once the server is back
    }

    @Test
    void onlyAnAdminSendsManualNotifications_toAUserWhoExists() {
        String recipient = unique("manual") + "@example.com";
        Api.Response registered = api.post("/api/v1/auth/register", Map.of("email", recipient, "password", "correct horse 42",
                "firstName", "Manu", "lastName", "Al"), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String userId = registered.body().get("userId").asText();
        // a user who never was has no log to put the mail in (it was 202, and went out)
        Api.Response nobody = api.post("/api/v1/notifications/send", Map.of("userId", UUID.randomUUID().toString(),
                "recipient", recipient, "subject", "Hello", "text", "to nobody"), tokenFor("admin"));
        assertThat(nobody.status()).as(nobody.toString()).isEqualTo(404);
        assertThat(nobody.code()).isEqualTo("not_found");
        Map<String, Object> body = Map.of("userId", userId, "recipient", recipient, "subject", "Maintenance tonight",
                "text", "Stoa is down from 02:00 to 02:30 UTC.");
        assertThat(api.post("/api/v1/notifications/send", body, tokenFor("customer")).status()).isEqualTo(403);
        // a userId names only its own address: a mail to another one would show in that user's log as theirs (it was
        // 202, before 2026-12-06, seventh session; found by a walkthrough)
        Api.Response elsewhere = api.post("/api/v1/notifications/send", Map.of("userId", userId, "recipient",
                unique("other") + "@example.com", "subject", "Hello", "text", "not theirs"), tokenFor("admin"));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(400);
        assertThat(elsewhere.body().at("/errors/0/field").asText()).isEqualTo("recipient");

        String ticket = "ops-ticket-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response sent = api.post("/api/v1/notifications/send", body, tokenFor("admin"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Correlation-Id", ticket));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        List<EmbeddedSmtp.ReceivedMail> mails = await(() -> smtp().received(recipient).stream()
                .filter(m -> m.subject().equals("Maintenance tonight")).toList(), m -> m.size() == 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).text()).contains("Stoa is down from 02:00 to 02:30 UTC.");
        String id = sent.body().get("notificationId").asText();
        JsonNode manual = await(() -> {
            for (JsonNode n : api.get("/api/v1/users/me/notifications", tokenAs(userId, "customer")).body().path("items"))
                if (n.path("id").asText().equals(id)) return n;
            return null;
        }, n -> n != null && n.path("status").asText().equals("sent"));
        assertThat(manual.get("templateName").asText()).isEqualTo("manual");
        // an account's address without userId still goes into that account's log (it went into nobody's)
        Api.Response byAddress = api.post("/api/v1/notifications/send", Map.of("recipient", recipient.toUpperCase(),
                "subject", "By address", "text", "found by its address"), tokenFor("admin"));
        assertThat(byAddress.status()).as(byAddress.toString()).isEqualTo(202);
        String byAddressId = byAddress.body().get("notificationId").asText();
        await(() -> {
            for (JsonNode n : api.get("/api/v1/users/me/notifications", tokenAs(userId, "customer")).body().path("items"))
                if (n.path("id").asText().equals(byAddressId)) return n;
            return null;
        }, n -> n != null);
        // the dispatcher's NotificationSent, long after the request, is of its chain; the client's own id is beside the
        // request's event only, sealed with the admin's key (in clear on both before 2026-12-07: a signed-in user's
        // labels are sealed, and the dispatcher's system commands cannot keep it so)
        List<DomainEventMessage<?>> events = events(id);
        assertThat(events).extracting(e -> e.getPayloadType().getSimpleName()).containsExactly("NotificationQueued", "NotificationSent");
        assertThat(events).allSatisfy(e -> assertThat(e.getMetaData().get("correlationId")).isEqualTo(sent.header("X-Correlation-Id")));
        assertThat(events.get(0).getMetaData().get("clientCorrelationId").toString()).startsWith("pd2:");
        assertThat(events.get(1).getMetaData()).doesNotContainKey("clientCorrelationId");
        JsonNode labelled = api.get("/api/v1/audit/events?clientCorrelationId=" + ticket, tokenFor("auditor")).body().get("items");
        assertThat(labelled).extracting(e -> e.get("type").asText()).containsExactly("NotificationQueued");
        assertThat(labelled.get(0).at("/metadata/clientCorrelationId").asText()).isEqualTo(ticket);
    }

    private static org.assertj.core.data.Index atIndex(int i) { return org.assertj.core.data.Index.atIndex(i); }

    private List<DomainEventMessage<?>> events(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }

    private static <T> T await(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting; last seen: " + value);
            sleep(Duration.ofMillis(50));
            value = probe.get();
        }
        return value;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
