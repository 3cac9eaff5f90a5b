package dev.stoa.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.command.identity.Totp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** TOTP through HTTP: enroll, activate, then login needs the authenticator's code or a recovery code. */
class MfaIT extends ApiTest {
    private static final String PASSWORD = "correct horse 42";
    @Autowired CommandGateway commands;
    @Autowired EventStore eventStore;

    private Api.Response login(String email, String totp) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", PASSWORD));
        if (totp != null) body.put("totpCode", totp);
        return api.post("/api/v1/auth/login", body, null);
    }

    @Test
    void enrollActivateAndLogInWithTheSecondFactor() {
        UserId id = UserId.random();
        String email = unique("mfa") + "@example.org";
        commands.sendAndWait(new RegisterUser(id, email, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(PASSWORD), "M", "F", null, Set.of("customer"), true));
        String access = login(email, null).body().get("accessToken").asText();

        assertThat(api.post("/api/v1/auth/mfa/enroll", null, access).status()).as("re-authentication is required").isEqualTo(400);
        Api.Response wrongPassword = api.post("/api/v1/auth/mfa/enroll", Map.of("password", "not my password 1"), access);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("reauthentication_failed");
        Api.Response enrolled = api.post("/api/v1/auth/mfa/enroll", Map.of("password", PASSWORD), access);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        String secret = enrolled.body().get("secret").asText();
        assertThat(enrolled.body().get("otpauthUri").asText()).startsWith("otpauth://totp/Stoa%3A").contains("secret=" + secret);
        List<String> recovery = new ArrayList<>();
        enrolled.body().get("recoveryCodes").forEach(c -> recovery.add(c.asText()));
        assertThat(recovery).hasSize(10).allMatch(c -> c.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));
        assertThat(login(email, null).status()).as("not required before activation").isEqualTo(200);

        String wrong = Totp.code(secret, Totp.step(Instant.now()) + 7);
        assertThat(api.post("/api/v1/auth/mfa/activate", Map.of("code", wrong), access).code()).isEqualTo("invalid_code");
        assertThat(api.post("/api/v1/auth/mfa/activate", Map.of("code", Totp.code(secret, Totp.step(Instant.now()))), access)
                .status()).isEqualTo(204);

        Api.Response noCode = login(email, null);
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.code()).isEqualTo("mfa_required");
        // the activation code's step is spent; the next step's code (clock drift allowance) logs in once
        String next = Totp.code(secret, Totp.step(Instant.now()) + 1);
        assertThat(login(email, next).status()).isEqualTo(200);
        assertThat(login(email, next).code()).as("a code works once").isEqualTo("invalid_mfa_code");
        assertThat(login(email, recovery.get(3)).status()).isEqualTo(200);
        assertThat(login(email, recovery.get(3)).code()).isEqualTo("invalid_mfa_code");
        assertThat(api.post("/api/v1/auth/otp/request", Map.of("email", email), null).status()).isEqualTo(202);

        // the event log never shows the secret in clear
        List<String> payloads = new ArrayList<>();
        eventStore.readEvents(id.value()).forEachRemaining(e -> payloads.add(String.valueOf(e.getPayload())));
        assertThat(payloads).noneMatch(p -> p.contains(secret));
        assertThat(String.join("\n", payloads)).doesNotContain(recovery.get(0).replace("-", ""));
        // turning it on again is refused before the proof is looked at, so the refused step spends nothing: this test
        // asserted that the recovery code given to it was spent (used again below, 401) until 2026-12-07 (Z36)
        assertThat(api.post("/api/v1/auth/mfa/enroll", Map.of("password", PASSWORD), access).code())
                .isEqualTo("mfa_already_active");
        Api.Response again = api.post("/api/v1/auth/mfa/enroll", Map.of("password", PASSWORD, "code", recovery.get(4)), access);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("mfa_already_active");

        // turning it off takes the password and a second factor
        Api.Response badDisable = api.post("/api/v1/auth/mfa/disable", Map.of("password", PASSWORD, "code", recovery.get(3)), access);
        assertThat(badDisable.status()).as("a spent recovery code").isEqualTo(401);
        assertThat(badDisable.code()).isEqualTo("reauthentication_failed");
        assertThat(api.post("/api/v1/auth/mfa/disable", Map.of("password", PASSWORD), access).status()).isEqualTo(400);
        Api.Response disabled = api.post("/api/v1/auth/mfa/disable", Map.of("password", PASSWORD, "code", recovery.get(4)), access);
        assertThat(disabled.status()).as("the code the refused enrollment was given is still good: " + disabled).isEqualTo(204);
        assertThat(login(email, null).status()).as("no second factor any more").isEqualTo(200);
    }
}
