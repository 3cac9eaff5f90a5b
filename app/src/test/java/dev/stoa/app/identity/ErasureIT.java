package dev.stoa.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.app.platform.axon.ProjectionGate;
import dev.stoa.app.platform.health.ProcessorStatus;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
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
 * GDPR: export shows every personal datum; erasure makes all of it unreadable, in read models, the outbox
 * and the event log (crypto-shredding), also after a replay; the events themselves stay.
 */
class ErasureIT extends ApiTest {
    private static final String PASSWORD = "correct horse 42";
    @Autowired EventStore eventStore;
    @Autowired PersonalData personal;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventProcessingConfiguration processing;
    @Autowired ProjectionGate gate;
    @Autowired ProcessorStatus status;

    @Test
    void exportThenEraseLeavesNothingPersonalAnywhere() throws Exception {
        String email = unique("erin") + "@example.org";
        Map<String, Object> registration = new HashMap<>(Map.of("email", email, "password", PASSWORD, "firstName", "Erin",
                "lastName", "Erasmus", "phone", "+4915112345678"));
        String userId = api.post("/api/v1/auth/register", registration, null).body().get("userId").asText();
        String token = verifyMail(email);
        assertThat(api.post("/api/v1/auth/email/verify", Map.of("token", token), null).status()).isEqualTo(204);
        String access = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null).body()
                .get("accessToken").asText();
        assertThat(api.post("/api/v1/users/" + userId + "/addresses", Map.of("label", "home", "streetLine1", "Erasmusweg 7",
                "city", "Rotterdam", "postalCode", "3011", "countryCode", "NL", "isDefault", true), access).status()).isEqualTo(201);

        JsonNode export = api.get("/api/v1/users/me/export", access).body();
        assertThat(export.at("/profile/email").asText()).isEqualTo(email);
        assertThat(export.at("/profile/lastName").asText()).isEqualTo("Erasmus");
        assertThat(export.at("/profile/phone").asText()).isEqualTo("+4915112345678");
        assertThat(export.at("/addresses/items/0/streetLine1").asText()).isEqualTo("Erasmusweg 7");
        assertThat(export.at("/notifications/items")).extracting(n -> n.get("templateName").asText()).contains("email-verification");

        // sealed in the event log even before erasure
        UserRegistered registered = (UserRegistered) events(userId).get(0).getPayload();
        assertThat(registered.email()).startsWith("pd2:").doesNotContain(email);
        assertThat(personal.open(userId, registered.email())).isEqualTo(email);

        assertThat(clearTextAnywhere(email)).as("the probe sees the address before erasure").isPositive();
        Api.Response erased = api.delete("/api/v1/users/me", access);
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
        assertThat(clearTextAnywhere(email)).isZero();
        assertThat(clearTextAnywhere("Erasmusweg")).isZero();

        // and stays erased when the read model is rebuilt from the log
        StreamingEventProcessor users = processing.eventProcessor("user-read-model", StreamingEventProcessor.class).orElseThrow();
        users.shutDown();
        users.resetTokens();
        users.start();
        assertThat(gate.await(status.head(), Duration.ofSeconds(60))).isTrue();
        assertThat(api.get("/api/v1/users/me/export", access).body().toString()).doesNotContain(email).doesNotContain("Erasmus");

        // the account is closed and the address free again
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/register", registration, null).status()).isEqualTo(201);
    }

    /** Rows holding the text in clear: events (payload or metadata), read models, unique keys, the mail outbox. */
    private long clearTextAnywhere(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long inEvents = jdbc.queryForObject("select count(*) from domain_event_entry where position(? in payload) > 0 "
                + "or position(? in meta_data) > 0", Long.class, bytes, bytes);
        long elsewhere = jdbc.queryForObject("select (select count(*) from user_view where email like '%' || ? || '%' or last_name = ?)"
                + " + (select count(*) from user_address_view where street_line1 like '%' || ? || '%')"
                + " + (select count(*) from unique_key where value = ?)"
                + " + (select count(*) from mail_outbox where recipient = ? or body_text like '%' || ? || '%')",
                Long.class, text, text, text, text.toLowerCase(), text, text);
        return inEvents + elsewhere;
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
