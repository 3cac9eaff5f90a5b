package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.StoaApplication;
import dev.stoa.app.support.RawHttp;
import dev.stoa.app.platform.web.RateLimitBucketSweeper;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The auth rate limit as a deployment meets it: two instances on one PostgreSQL behind a proxy that sends
 * X-Forwarded-For (the test client on 127.0.0.1 is a trusted internal proxy under
 * {@code server.forward-headers-strategy=native}). The limit holds across instances, follows the endpoint a
 * request is routed to rather than how its path is spelled, and survives a flood from other addresses.
 * Five an hour: a token refills every 12 minutes, so no test here can outlast the limit by being slow.
 */
@SpringBootTest(classes = StoaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"stoa.rate-limit.auth.requests=5", "stoa.rate-limit.auth.period=1h",
                "server.forward-headers-strategy=native"})
@DirtiesContext // a context of its own; close it after this class instead of keeping it for the run
class AuthRateLimitIT extends ApiTest {
    private static final String OTP = "/api/v1/auth/otp/request";
    private static final String OTP_ENCODED = "/api/v1/%61uth/otp/request";
    /** Documentation addresses (RFC 5737), shuffled per run: no bucket is shared with another test or run. */
    private static final Iterator<String> ADDRESSES = shuffledDocumentationAddresses();
    private static ConfigurableApplicationContext second;
    private static Api other;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private RateLimitBucketSweeper sweeper;

    @BeforeAll
    static void startSecondInstance() {
        // command-line arguments: they outrank application-test.yml, unlike SpringApplicationBuilder.properties
        second = new SpringApplicationBuilder(StoaApplication.class).profiles("test").run("--server.port=0",
                "--stoa.rate-limit.auth.requests=5", "--stoa.rate-limit.auth.period=1h",
                "--server.forward-headers-strategy=native");
        other = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) second.close();
    }

    @Test
    void theLimitHoldsAcrossInstances() {
        String client = ADDRESSES.next();
        for (int i = 0; i < 5; i++) {
            Api.Response passed = requestCode(i % 2 == 0 ? api : other, client);
            assertThat(passed.status()).as("request %d: %s", i + 1, passed).isEqualTo(202);
        }
        assertRateLimited(requestCode(api, client));
        assertRateLimited(requestCode(other, client));
    }

    @Test
    void anEncodedSpellingCountsAgainstTheSameBucket() {
        String client = ADDRESSES.next();
        // a 400 validation_failed for the body proves the encoded spelling reached the handler; it counts too
        RawHttp.Response invalid = post(OTP_ENCODED, client, "{\"email\":\"not-an-address\"}");
        assertThat(invalid.status()).as(invalid.raw()).isEqualTo(400);
        assertThat(invalid.raw()).contains("\"code\":\"validation_failed\"", "\"field\":\"email\"");
        for (int i = 0; i < 2; i++) {
            RawHttp.Response encoded = post(OTP_ENCODED, client, nobody());
            assertThat(encoded.status()).as(encoded.raw()).isEqualTo(202);
            assertThat(requestCode(other, client).status()).isEqualTo(202);
        }
        RawHttp.Response limited = post(OTP_ENCODED, client, nobody());
        assertThat(limited.status()).as(limited.raw()).isEqualTo(429);
        assertThat(limited.raw()).contains("\"code\":\"rate_limited\"");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertRateLimited(requestCode(api, client));
    }

    @Test
    void aFloodFromOtherAddressesDoesNotFreeALimitedClient() {
        String client = ADDRESSES.next();
        for (int i = 0; i < 5; i++) assertThat(requestCode(api, client).status()).isEqualTo(202);
        assertRateLimited(requestCode(api, client));
        String flooder = null;
        for (int i = 0; i < 300; i++) {
            flooder = ADDRESSES.next();
            Api.Response flood = requestCode(i % 2 == 0 ? api : other, flooder);
            assertThat(flood.status()).as("flood request %d: %s", i + 1, flood).isEqualTo(202);
        }
        // the sweeper deletes a bucket once it is full again (made so here), never the limited client's
        String flooderBucket = "auth " + OTP + " " + flooder;
        String clientBucket = "auth " + OTP + " " + client;
        jdbc.update("update rate_limit_bucket set expires_at = 0 where id = ?", flooderBucket);
        assertThat(sweeper.runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select id from rate_limit_bucket where id in (?, ?)", String.class,
                flooderBucket, clientBucket)).containsExactly(clientBucket);
        assertRateLimited(requestCode(api, client));
        assertRateLimited(requestCode(other, client));
    }

    private static Api.Response requestCode(Api instance, String client) {
        return instance.post(OTP, nobody(), null, Map.of("X-Forwarded-For", client));
    }

    private static String nobody() { return "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.org\"}"; }

    private static void assertRateLimited(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.code()).isEqualTo("rate_limited");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 3600L);
    }

    private static Iterator<String> shuffledDocumentationAddresses() {
        List<String> addresses = new ArrayList<>();
        for (String net : List.of("192.0.2.", "198.51.100.", "203.0.113."))
            for (int host = 1; host < 255; host++) addresses.add(net + host);
        Collections.shuffle(addresses);
        return addresses.iterator();
    }

    /** A POST whose request line carries {@code rawPath} exactly as written. */
    private RawHttp.Response post(String rawPath, String forwardedFor, String json) {
        return new RawHttp(port).sendWithBody("POST", rawPath, json, "Content-Type: application/json",
                "X-Forwarded-For: " + forwardedFor);
    }
}
