package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.StoaApplication;
import dev.stoa.app.embedded.EmbeddedRuntime;
import dev.stoa.app.platform.deadletter.DeadLetters;
import dev.stoa.app.platform.security.TokenMinter;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Profile axonserver, the whole platform in one process, with no Axon Server reachable: health says so, commands
 * (logins too) get a clear 503, reads keep answering from PostgreSQL (the query bus takes local handlers locally),
 * and the log says it in a line instead of a stack trace per retry.
 */
@ExtendWith(OutputCaptureExtension.class)
class AxonServerUnavailableIT {
    private static final Path DATA = Path.of("target/axonserver-data");

    @AfterAll
    static void stopServers() { EmbeddedRuntime.forDataDir(DATA).stop(); }

    @Test
    void commandsAnswer503ReadsGoOnAndTheLogStaysQuiet(CapturedOutput output) {
        dev.stoa.app.support.Files.deleteRecursively(DATA);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoaApplication.class)
                .profiles("test", "axonserver")
                .run("--stoa.data-dir=" + DATA, "--server.port=0", "--axon.axonserver.servers=127.0.0.1:1",
                        "--stoa.commands.timeout=3s")) {
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            String userId = UUID.randomUUID().toString();
            String admin = context.getBean(TokenMinter.class).accessToken(userId, List.of("admin"), Duration.ofMinutes(5));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // what the read models and the e-mail lookup held before the outage
            jdbc.update("insert into user_view(id, email, first_name, roles, email_verified, status, created_at) "
                    + "values (?, 'ops@example.org', 'Olga', 'admin', true, 'active', now())", userId);
            jdbc.update("insert into unique_key(kind, value, owner_id, confirmed) values ('user-email', 'ops@example.org', ?, true)",
                    userId);

            Api.Response command = api.post("/api/v1/categories", Map.of("name", "Down", "slug", "down"), admin);
            assertThat(command.status()).as(command.toString()).isEqualTo(503);
            assertThat(command.code()).isEqualTo("service_unavailable");
            assertThat(command.header("Retry-After")).isNotBlank();
            Api.Response login = api.post("/api/v1/auth/login", Map.of("email", "ops@example.org", "password", "whatever 42"), null);
            assertThat(login.status()).as("a login is a command: " + login).isEqualTo(503);

            Api.Response me = api.get("/api/v1/users/me", admin);
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.body().get("email").asText()).isEqualTo("ops@example.org");
            assertThat(api.get("/api/v1/categories").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/products").status()).isEqualTo(200);

            Api.Response health = api.get("/actuator/health", admin);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(health.body().at("/components/axonServer/status").asText()).isNotEqualTo("UP");

            // dead letters with Axon Server too: the queue is in PostgreSQL, so it is listed during the outage
            assertThat(context.getBean(DeadLetters.class).processors()).contains("identity-mail", "product-read-model");
            assertThat(api.get("/api/v1/admin/dead-letters?processor=identity-mail", admin).status()).isEqualTo(200);
            Await.pause(Duration.ofSeconds(12)); // every event processor retries meanwhile, several times
        }
        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).as("stack traces").noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by:"));
        assertThat(lines).filteredOn(l -> l.contains("unreachable") && l.contains("127.0.0.1:1")).hasSize(1);
        // the outage itself, the bootstrap admin that could not be opened, and one per refused request (two)
        assertThat(lines).as("warnings about Axon Server").filteredOn(l -> l.matches(".* (WARN|ERROR) .*")
                && l.toLowerCase().matches(".*axon ?server.*")).hasSizeLessThanOrEqualTo(4);
    }
}
