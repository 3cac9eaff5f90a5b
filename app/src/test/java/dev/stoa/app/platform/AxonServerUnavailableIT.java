package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.StoaApplication;
import dev.stoa.app.embedded.EmbeddedRuntime;
import dev.stoa.app.platform.deadletter.DeadLetters;
import dev.stoa.app.platform.security.TokenMinter;
import dev.stoa.app.support.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Profile axonserver with no Axon Server reachable: health says so and commands get a clear 503. */
class AxonServerUnavailableIT {
    private static final Path DATA = Path.of("target/axonserver-data");

    @AfterAll
    static void stopServers() { EmbeddedRuntime.forDataDir(DATA).stop(); }

    @Test
    void commandsAnswer503AndHealthIsDown() {
        dev.stoa.app.support.Files.deleteRecursively(DATA);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoaApplication.class)
                .profiles("test", "command", "axonserver")
                .run("--stoa.data-dir=" + DATA, "--server.port=0", "--axon.axonserver.servers=127.0.0.1:1",
                        "--stoa.commands.timeout=3s")) {
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            String admin = context.getBean(TokenMinter.class)
                    .accessToken(UUID.randomUUID().toString(), List.of("admin"), Duration.ofMinutes(5));

            Api.Response command = api.post("/api/v1/categories", Map.of("name", "Down", "slug", "down"), admin);
            assertThat(command.status()).as(command.toString()).isEqualTo(503);
            assertThat(command.code()).isEqualTo("service_unavailable");
            assertThat(command.header("Retry-After")).isNotBlank();

            Api.Response health = api.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(health.body().at("/components/axonServer/status").asText()).isNotEqualTo("UP");

            // dead letters with Axon Server too, for the processors this (command) process runs, and only those
            assertThat(context.getBean(DeadLetters.class).processors()).contains("identity-mail")
                    .doesNotContain("product-read-model");
            assertThat(api.get("/api/v1/admin/dead-letters?processor=identity-mail", admin).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/admin/dead-letters?processor=product-read-model", admin).code()).isEqualTo("not_found");
        }
    }
}
