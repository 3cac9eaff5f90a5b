package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.stoa.app.platform.security.JwtKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Only tokens signed by the platform's key, unexpired and unaltered, get in. */
class TokenSecurityIT extends ApiTest {
    @Autowired
    JwtKeys keys;
    private static final Map<String, Object> CATEGORY = Map.of("name", "Secure", "slug", "secure-zone");

    private void assertUnauthorized(String token) { assertRefused(token, "unauthorized"); }

    /**
     * A token refused for its age alone is {@code token_expired} (refresh it), on an open read too (a token that is sent
     * is checked); both read {@code unauthorized} before 2026-12-07, and a client could not tell "refresh" from "log in
     * again" (walkthrough Z43).
     */
    private void assertExpired(String token) {
        assertRefused(token, "token_expired");
        Api.Response open = api.get("/api/v1/products", token);
        assertThat(open.status()).as(open.toString()).isEqualTo(401);
        assertThat(open.code()).isEqualTo("token_expired");
    }

    private void assertRefused(String token, String code) {
        Api.Response r = api.post("/api/v1/categories", CATEGORY, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.contentType()).startsWith("application/problem+json");
        // the challenge every 401 carries (RFC 9110 15.5.2): which scheme, and for a token that was sent, that it was refused
        assertThat(r.header("WWW-Authenticate")).as(r.toString()).startsWith("Bearer");
        if (token != null) assertThat(r.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void missingGarbledTamperedExpiredUnsignedAndForeignTokensAreRejected() throws Exception {
        assertUnauthorized(null);
        assertUnauthorized("not-a-jwt");

        String valid = tokenFor("customer");
        String[] parts = valid.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"customer\"", "\"admin\"");
        assertUnauthorized(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2]);

        JWTClaimsSet expired = new JWTClaimsSet.Builder().issuer("stoa").subject(UUID.randomUUID().toString())
                .claim("roles", List.of("admin")).claim("token_use", "access").issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(1800))).build();
        SignedJWT expiredJwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), expired);
        expiredJwt.sign(new RSASSASigner(keys.signingKey()));
        assertUnauthorized(expiredJwt.serialize()); // signed with our key but naming none (ours name theirs): not ours
        // ten seconds past its expiry is past it (Spring's default leeway took a token for a minute more)
        assertExpired(lapsed(10));
        // expired and tampered: the signature is what fails, so it is no expired token of ours
        String[] lapsedParts = lapsed(600).split("\\.");
        assertUnauthorized(lapsedParts[0] + "." + lapsedParts[1] + "." + new StringBuilder(lapsedParts[2]).reverse());

        JWTClaimsSet adminClaims = new JWTClaimsSet.Builder().issuer("stoa").subject(UUID.randomUUID().toString())
                .claim("roles", List.of("admin")).claim("token_use", "access").issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        assertUnauthorized(new PlainJWT(adminClaims).serialize());

        SignedJWT foreign = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), adminClaims);
        foreign.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        assertUnauthorized(foreign.serialize());
    }

    /** An access token of ours (our key, by its id) that expired {@code seconds} ago. */
    private String lapsed(int seconds) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("stoa").subject(UUID.randomUUID().toString())
                .claim("roles", List.of("admin")).claim("token_use", "access")
                .issueTime(Date.from(Instant.now().minusSeconds(900))).expirationTime(Date.from(Instant.now().minusSeconds(seconds)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.signingKey().getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(keys.signingKey()));
        return jwt.serialize();
    }

    /** A 401 that is about no token sent (a refused login or refresh) names the scheme too (RFC 9110 15.5.2). */
    @Test
    void aRefusedLoginOrRefresh_is401WithItsChallenge() {
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", unique("nobody") + "@example.org",
                "password", "not the password"), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(401);
        assertThat(login.header("WWW-Authenticate")).isEqualTo("Bearer");
        Api.Response refresh = api.post("/api/v1/auth/refresh", Map.of("refreshToken", "not-a-token"), null);
        assertThat(refresh.status()).as(refresh.toString()).isEqualTo(401);
        assertThat(refresh.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void jwksServesThePublicKeyOnly() {
        Api.Response r = api.get("/api/v1/auth/jwks");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().at("/keys/0/kty").asText()).isEqualTo("RSA");
        assertThat(r.body().at("/keys/0/n").asText()).isNotBlank();
        assertThat(r.body().at("/keys/0").has("d")).isFalse();
    }

    @Test
    void everyResponseCarriesACorrelationIdOfThePlatformsOwn_neverTheClients() {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        assertThat(api.get("/api/v1/categories").header("X-Correlation-Id")).matches(uuid);
        Api.Response r = api.send("GET", "/api/v1/categories", null, null, null, Map.of("X-Correlation-Id", "trace-42"));
        assertThat(r.header("X-Correlation-Id")).as("a chain is the platform's to name").matches(uuid);
    }
}
