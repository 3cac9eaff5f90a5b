package dev.stoa.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Mailbox;
import dev.stoa.app.support.StoreScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A secret (login code, verification and reset links, tokens, the authenticator secret and its recovery codes)
 * rests in clear nowhere once it has been handed out: not in a mail subject, an event, the notification log, the
 * GDPR export, the outbox after delivery, an idempotency record or a log line. The whole store is searched, every
 * table and every search index, while the secrets are still live.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestIT extends ApiTest {
    private static final String PASSWORD = "correct horse 42";
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment environment;

    @Test
    void noLiveSecretIsReadableAnywhereAfterDelivery(CapturedOutput output) throws Exception {
        Mailbox mailbox = new Mailbox(api);
        String email = unique("sam") + "@example.org";
        String userId = api.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "firstName", "Sam", "lastName", "Secret"), null).body().get("userId").asText();
        String verification = mailbox.find(email, "confirm", "signed up: (\\S+)");
        assertThat(api.post("/api/v1/auth/email/verify", Map.of("token", verification, "password", PASSWORD), null).status())
                .isEqualTo(204);

        List<String> secrets = new ArrayList<>(List.of(verification));
        assertThat(api.post("/api/v1/auth/otp/request", Map.of("email", email), null).status()).isEqualTo(202);
        secrets.add(mailbox.find(email, "login code", "\\b(\\d{6})\\b"));
        assertThat(api.post("/api/v1/auth/password-reset/request", Map.of("email", email), null).status()).isEqualTo(202);
        String reset = mailbox.find(email, "reset", "code: (\\S+)");
        secrets.add(reset);

        // tokens and MFA secrets, asked for with Idempotency-Keys: nothing of them may rest in the idempotency store
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String access = login.body().get("accessToken").asText();
        secrets.add(access);
        secrets.add(login.body().get("refreshToken").asText());
        Api.Response enrolled = api.post("/api/v1/auth/mfa/enroll", Map.of("password", PASSWORD), access,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        secrets.add(enrolled.body().get("secret").asText());
        secrets.add(enrolled.body().get("otpauthUri").asText());
        enrolled.body().get("recoveryCodes").forEach(code -> secrets.add(code.asText()));

        awaitDelivered(userId);
        StoreScan store = new StoreScan(jdbc, environment.getProperty("spring.elasticsearch.uris"));
        for (String secret : secrets) assertThat(store.find(secret)).as("where %s rests in clear", secret).isEmpty();

        String notifications = api.get("/api/v1/users/me/notifications", access).raw();
        String export = api.get("/api/v1/users/me/export", access).raw();
        assertThat(notifications).contains("login-code", "password-reset", "email-verification");
        for (String secret : secrets) {
            assertThat(notifications).doesNotContain(secret);
            assertThat(export).doesNotContain(secret);
            assertThat(output.getAll()).as("the log").doesNotContain(secret);
        }
        assertThat(mailbox.all(email)).extracting(m -> m.get("subject").asText())
                .allSatisfy(subject -> assertThat(subject).doesNotContainPattern("\\d{6}").doesNotContain(reset));
    }

    /** Every mail of the user handed to the SMTP server and its outcome in the notification log. */
    private void awaitDelivered(String userId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Long open = jdbc.queryForObject("select count(*) from mail_outbox where user_id = ? "
                    + "and (status <> 'sent' or logged_attempt < attempts)", Long.class, userId);
            Long unlogged = jdbc.queryForObject("select count(*) from notification_view where user_id = ? "
                    + "and status <> 'sent'", Long.class, userId);
            if (open == 0 && unlogged == 0) return;
            Thread.sleep(50);
        }
        throw new AssertionError("mails of " + userId + " not delivered");
    }
}
