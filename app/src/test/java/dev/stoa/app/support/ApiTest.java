package dev.stoa.app.support;

import dev.stoa.app.StoaApplication;
import dev.stoa.app.platform.security.JwtKeys;
import dev.stoa.app.platform.security.TokenMinter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP integration tests: the whole platform on a real embedded PostgreSQL and
 * Elasticsearch, started once for the test JVM (every test class shares this context) on a data
 * directory that starts empty in each run.
 */
@SpringBootTest(classes = StoaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "stoa.security.jwt.retired-key-files=" + ApiTest.RETIRED_SIGNING_KEY)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(ProblemRecorder.class)
@AutoConfigureObservability // Spring Boot tests switch metrics export off; we test /actuator/prometheus
public abstract class ApiTest {
    /** A former token-signing key, as after a rotation: its tokens must still be accepted (SealingIT). */
    protected static final String RETIRED_SIGNING_KEY = "target/it-data/keys/retired-jwt-signing-key.pem";

    static {
        Files.deleteRecursively(Path.of("target/it-data"));
        try {
            new JwtKeys(Path.of(RETIRED_SIGNING_KEY), List.of()); // generates the file
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected TokenMinter tokens;
    protected Api api;

    @BeforeEach
    void api() { api = new Api(port); }

    /** A token for a new user with these roles; its subject is a fresh UUID. */
    protected String tokenFor(String... roles) { return tokenAs(UUID.randomUUID().toString(), roles); }

    protected String tokenAs(String userId, String... roles) {
        return tokens.accessToken(userId, List.of(roles), Duration.ofMinutes(15));
    }

    /** Registers an account with these roles (self-service ones: customer, instructor, vendor); its user id. */
    protected String registered(String... roles) {
        Map<String, Object> body = Map.of("email", unique("user") + "@example.com", "password", "correct horse 42",
                "firstName", "Ada", "lastName", "Lovelace", "roles", List.of(roles));
        Api.Response r = api.post("/api/v1/auth/register", body, null);
        if (r.status() != 201) throw new AssertionError("registration refused: " + r);
        return r.body().get("userId").asText();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
