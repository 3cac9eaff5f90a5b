package dev.stoa.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.app.platform.axon.ProjectionGate;
import dev.stoa.app.platform.health.ProcessorStatus;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.StoreScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GDPR: export shows every personal datum; erasure makes all of it unreadable everywhere (the whole store is
 * searched: every table, the event log by crypto-shredding, the search index), also after a replay; the events
 * themselves stay.
 */
class ErasureIT extends ApiTest {
    private static final String PASSWORD = "correct horse 42";
    @Autowired EventStore eventStore;
    @Autowired PersonalData personal;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventProcessingConfiguration processing;
    @Autowired ProjectionGate gate;
    @Autowired ProcessorStatus status;
    @Autowired org.springframework.core.env.Environment environment;

    @Test
    void exportThenEraseLeavesNothingPersonalAnywhere() throws Exception {
        String email = unique("erin") + "@example.org";
        Map<String, Object> registration = new HashMap<>(Map.of("email", email, "password", PASSWORD, "firstName", "Erin",
                "lastName", "Erasmus", "phone", "+4915112345678"));
        String userId = api.post("/api/v1/auth/register", registration, null).body().get("userId").asText();
        String token = verifyMail(email);
        assertThat(api.post("/api/v1/auth/email/verify", Map.of("token", token, "password", PASSWORD), null).status()).isEqualTo(204);
        String access = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null).body()
                .get("accessToken").asText();
        // the client's own labels of a request are whatever it chose: here the person's name and address
        String label = "Erin.Erasmus.home", key = "address-of-" + email;
        assertThat(api.post("/api/v1/users/" + userId + "/addresses", Map.of("label", "home", "streetLine1", "Erasmusweg 7",
                "city", "Rotterdam", "postalCode", "3011", "countryCode", "NL", "isDefault", true), access,
                Map.of("Idempotency-Key", key, "X-Correlation-Id", label)).status()).isEqualTo(201);
        String auditor = tokenFor("auditor");
        JsonNode labelled = api.get("/api/v1/audit/events?clientCorrelationId=" + label, auditor).body().get("items");
        assertThat(labelled).as("found by its label while the person is there").hasSize(1);
        assertThat(labelled.at("/0/type").asText()).isEqualTo("AddressSaved");
        assertThat(labelled.at("/0/metadata/idempotencyKey").asText()).isEqualTo(key);
        assertThat(labelled.at("/0/metadata/clientCorrelationId").asText()).isEqualTo(label);
        String stored = events(userId).stream().filter(e -> e.getPayloadType().getSimpleName().equals("AddressSaved"))
                .findFirst().orElseThrow().getMetaData().get("idempotencyKey").toString();
        assertThat(stored).as("sealed in the event's metadata").startsWith("pd2:").doesNotContain(email);
        // an admin's free text about the person: a suspension reason and a manual mail's subject
        String admin = tokenFor("admin");
        assertThat(api.post("/api/v1/admin/users/" + userId + "/suspend", Map.of("reason", "Erin Erasmus disputes a charge"),
                admin).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/admin/users/" + userId + "/reinstate", Map.of(), admin).status()).isEqualTo(204);
        access = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null).body()
                .get("accessToken").asText();
        assertThat(api.post("/api/v1/notifications/send", Map.of("userId", userId, "recipient", email,
                "subject", "Your charge, Erin Erasmus", "text", "We looked into it."), admin).status()).isEqualTo(202);
        awaitNotificationSent(userId, "manual");

        JsonNode export = api.get("/api/v1/users/me/export", access).body();
        assertThat(export.at("/profile/email").asText()).isEqualTo(email);
        assertThat(export.at("/profile/lastName").asText()).isEqualTo("Erasmus");
        assertThat(export.at("/profile/phone").asText()).isEqualTo("+4915112345678");
        assertThat(export.at("/addresses/items/0/streetLine1").asText()).isEqualTo("Erasmusweg 7");
        assertThat(export.get("notifications")).extracting(n -> n.get("templateName").asText()).contains("email-verification");

        // sealed in the event log even before erasure
        UserRegistered registered = (UserRegistered) events(userId).get(0).getPayload();
        assertThat(registered.email()).startsWith("pd2:").doesNotContain(email);
        assertThat(personal.open(userId, registered.email())).isEqualTo(email);

        // suspended again, for the same reason: the user's view shows it (user_view, in clear, as the names are, since
        // 2026-12-07 evening), and the erasure of the suspended account takes it with the rest
        assertThat(api.post("/api/v1/admin/users/" + userId + "/suspend", Map.of("reason", "Erin Erasmus disputes a charge"),
                admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/" + userId, admin).body().get("suspensionReason").asText())
                .isEqualTo("Erin Erasmus disputes a charge");

        StoreScan store = new StoreScan(jdbc, environment.getProperty("spring.elasticsearch.uris"));
        assertThat(store.find("Erin Erasmus disputes a charge")).as("the probe sees the reason before erasure").isNotEmpty();
        assertThat(store.find(email)).as("the probe sees the address before erasure").isNotEmpty();
        assertThat(store.find("Erasmusweg 7")).as("and the street").isNotEmpty();
        Api.Response erased = api.json("DELETE", "/api/v1/users/me", Map.of("password", PASSWORD), access, Map.of());
        assertThat(erased.status()).isEqualTo(204);

        JsonNode after = api.get("/api/v1/users/me/export", access).body();
        assertThat(after.toString()).doesNotContain(email).doesNotContain("Erasmus").doesNotContain("Erin")
                .doesNotContain("+4915112345678").doesNotContain("Erasmusweg");
        assertThat(after.at("/profile/status").asText()).isEqualTo("erased");
        assertThat(after.at("/addresses/items")).isEmpty();

        // the history is still there, and reads as erased
        List<DomainEventMessage<?>> history = events(userId);
        assertThat(history).extracting(e -> e.getPayloadType().getSimpleName())
                .contains("UserRegistered", "EmailVerified", "AddressSaved", "UserErased");
        assertThat(personal.open(userId, ((UserRegistered) history.get(0).getPayload()).email())).isEqualTo(PersonalData.ERASED);
        for (String clear : List.of(email, "Erin", "Erasmus", "+4915112345678", "Erasmusweg 7", "Rotterdam",
                "Erin Erasmus disputes a charge", "Your charge, Erin Erasmus", label, key))
            assertThat(store.find(clear)).as("where '%s' rests in clear after erasure", clear).isEmpty();
        // the labels too (they stayed in clear in every event's metadata, and the filter found them, before 2026-12-07;
        // walkthrough Z11)
        assertThat(api.get("/api/v1/audit/events?clientCorrelationId=" + label, auditor).body().get("items")).isEmpty();
        JsonNode saved = api.get("/api/v1/audit/events?aggregateId=" + userId + "&type=AddressSaved", auditor).body()
                .at("/items/0/metadata");
        assertThat(saved.get("idempotencyKey").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(saved.get("clientCorrelationId").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where principal = ?", Long.class, userId))
                .as("the user's idempotency records").isZero();

        // and stays erased when the read model is rebuilt from the log
        StreamingEventProcessor users = processing.eventProcessor("user-read-model", StreamingEventProcessor.class).orElseThrow();
        users.shutDown();
        users.resetTokens();
        users.start();
        assertThat(gate.await(status.head(), Duration.ofSeconds(60))).isTrue();
        assertThat(api.get("/api/v1/users/me/export", access).body().toString()).doesNotContain(email).doesNotContain("Erasmus");

        // the account is closed, past deactivation too (an admin's answered 204 as if it deactivated it, before
        // 2026-12-07), and the address free again
        Api.Response deactivated = api.post("/api/v1/admin/users/" + userId + "/deactivate", Map.of(), admin);
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(409);
        assertThat(deactivated.code()).isEqualTo("invalid_transition");
        assertThat(deactivated.body().get("detail").asText()).contains("erased");
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/register", registration, null).status()).isEqualTo(201);
    }

    private void awaitNotificationSent(String userId, String template) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Long sent = jdbc.queryForObject("select count(*) from notification_view where user_id = ? and template_name = ? "
                    + "and status = 'sent'", Long.class, userId, template);
            if (sent > 0) return;
            Thread.sleep(50);
        }
        throw new AssertionError("no " + template + " mail sent to " + userId);
    }

    private List<DomainEventMessage<?>> events(String userId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(userId).forEachRemaining(events::add);
        return events;
    }

    private String verifyMail(String email) throws InterruptedException {
        Pattern token = Pattern.compile("signed up: (\\S+)");
        for (int i = 0; i < 100; i++) {
            for (JsonNode mail : api.get("/api/v1/dev/mailbox?to=" + email).body()) {
                Matcher m = token.matcher(mail.get("text").asText());
                if (m.find()) return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no verification mail for " + email);
    }
}
