package dev.stoa.app.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stoa.api.identity.MfaEnrollmentStarted;
import dev.stoa.api.identity.UserRegistered;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sealing and key rotation through the running platform: personal-data keys are stored wrapped, never raw; new
 * values carry the new formats; a token signed by the retired signing key (configured for the shared test context
 * in {@link ApiTest}) still gets in, one signed by an unknown key does not.
 */
class SealingIT extends ApiTest {
    @Autowired JdbcTemplate jdbc;
    @Autowired EventStore eventStore;

    @Test
    void personalDataKeysAreStoredWrappedAndValuesUseTheNewFormats() throws Exception {
        String email = unique("sela") + "@example.org";
        String userId = register(email);

        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where key_bytes is not null "
                + "or octet_length(keyset) = 32", Long.class)).as("no raw key anywhere in the table").isZero();
        assertThat(jdbc.queryForObject("select octet_length(keyset) from personal_data_key where user_id = ?",
                Integer.class, userId)).as("the user's keyset, wrapped").isGreaterThan(32);
        assertThat(((UserRegistered) payloads(userId).get(0)).email()).startsWith("pd2:").doesNotContain(email);

        String link = new dev.stoa.app.support.Mailbox(api).find(email, "confirm", "signed up: (\\S+)");
        assertThat(api.post("/api/v1/auth/email/verify", Map.of("token", link, "password", "correct horse 42"), null)
                .status()).isEqualTo(204);
        Api.Response enrolled = api.post("/api/v1/auth/mfa/enroll", Map.of("password", "correct horse 42"),
                tokenAs(userId, "customer"));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        assertThat(payloads(userId)).filteredOn(MfaEnrollmentStarted.class::isInstance).singleElement()
                .extracting(e -> ((MfaEnrollmentStarted) e).sealedSecret()).asString()
                .startsWith("s2:").doesNotContain(enrolled.body().get("secret").asText());
    }

    @Test
    void aTokenOfTheRetiredSigningKeyGetsInAndOneOfAnUnknownKeyDoesNot() throws Exception {
        String email = unique("rota") + "@example.org";
        String userId = register(email);
        JwtKeys retired = new JwtKeys(Path.of(RETIRED_SIGNING_KEY), List.of());
        String signedBeforeRotation = new TokenMinter(retired).accessToken(userId, List.of("customer"), Duration.ofMinutes(5));
        Api.Response accepted = api.get("/api/v1/users/me", signedBeforeRotation);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.body().get("email").asText()).isEqualTo(email);

        RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
        Api.Response refused = api.get("/api/v1/users/me", signed(unknown, userId));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");

        Api.Response jwks = api.get("/api/v1/auth/jwks");
        List<String> keyIds = new ArrayList<>();
        jwks.body().get("keys").forEach(k -> keyIds.add(k.get("kid").asText()));
        assertThat(keyIds).hasSize(2).contains(retired.signingKey().getKeyID());
        assertThat(jwks.body().toString()).doesNotContain("\"d\"");
    }

    private String register(String email) {
        Api.Response registered = api.post("/api/v1/auth/register", Map.of("email", email, "password", "correct horse 42",
                "firstName", "Sela", "lastName", "Keyes"), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.body().get("userId").asText();
    }

    private static String signed(RSAKey key, String subject) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TokenMinter.ISSUER).subject(subject)
                .claim("roles", List.of("customer")).claim(TokenMinter.TOKEN_USE, TokenMinter.ACCESS).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private List<Object> payloads(String aggregateId) {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(e -> payloads.add(e.getPayload()));
        return payloads;
    }
}
