package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.app.StoaApplication;
import dev.stoa.app.embedded.EmbeddedSmtp;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.command.platform.StartupRefused;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The development conveniences (embedded SMTP server, dev mailbox, start-up admin token, development admin
 * password) exist only in the fully embedded mode. A command process on an external database (as in
 * docker-compose) gets none of them, whatever stoa.embedded.* properties it is given, and refuses to start
 * without an admin password of its own or a mail server. Each such process gets a database of its own on the
 * test PostgreSQL, as a deployment would.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeploymentModesIT extends ApiTest {
    private static final String ADMIN_PASSWORD = "deploy ment 4711 secret";
    @Autowired Environment environment;
    @Autowired JdbcTemplate jdbc;
    private String databaseUrl;

    @BeforeEach
    void ownDatabase() {
        String name = "deploy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("create database " + name);
        databaseUrl = environment.getProperty("spring.datasource.url").replaceFirst("/postgres\\b", "/" + name);
    }

    @Test
    void theEmbeddedModeHasItsConveniences() {
        assertThat(api.get("/api/v1/dev/mailbox").status()).isEqualTo(200);
    }

    @Test
    void withAnExternalDatabaseNoPropertySwitchesAConvenienceOn(CapturedOutput output) throws Exception {
        String admin = unique("root") + "@example.org";
        List<String> args = deployment(admin, ADMIN_PASSWORD, true);
        // a careless deployment trying to turn the conveniences on by property
        args.addAll(List.of("--stoa.embedded.smtp.active=true", "--stoa.embedded.active=true",
                "--stoa.embedded.postgres.active=true", "--stoa.embedded.print-admin-token=true"));
        int before = output.getOut().length();
        try (ConfigurableApplicationContext app = start(args)) {
            Api deployed = new Api(port(app));
            Api.Response mailbox = deployed.get("/api/v1/dev/mailbox");
            assertThat(mailbox.status()).as(mailbox.toString()).isEqualTo(404);
            assertThat(app.getEnvironment().getPropertySources().contains("stoaEmbeddedSmtp")).isFalse();
            assertThat(output.getOut().substring(before)).contains("Stoa is up").doesNotContain("Development admin token");

            Api.Response login = deployed.post("/api/v1/auth/login", Map.of("email", admin, "password", ADMIN_PASSWORD), null);
            assertThat(login.status()).as("the bootstrap admin has the configured password").isEqualTo(200);
            String access = login.body().get("accessToken").asText();
            // no admin erases their own account (the platform would lose its last admin): another admin takes the
            // role away first (since 2026-12-06, ninth session)
            Api.Response refused = deployed.json("DELETE", "/api/v1/users/me", Map.of("password", ADMIN_PASSWORD), access, Map.of());
            assertThat(refused.code()).as(refused.toString()).isEqualTo("last_admin_guard");
            String bootstrapId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.util.Base64.getUrlDecoder()
                    .decode(access.split("\\.")[1])).get("sub").asText(); // the token's subject
            String another = app.getBean(dev.stoa.app.platform.security.TokenMinter.class).accessToken(
                    UUID.randomUUID().toString(), List.of("admin"), java.time.Duration.ofMinutes(5));
            Api.Response demoted = deployed.put("/api/v1/admin/users/" + bootstrapId + "/roles", Map.of("roles", List.of("customer")), another);
            assertThat(demoted.status()).as(demoted.toString()).isEqualTo(204);
            Api.Response erased = deployed.json("DELETE", "/api/v1/users/me", Map.of("password", ADMIN_PASSWORD), access, Map.of());
            assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        }
        try (ConfigurableApplicationContext again = start(deployment(admin, ADMIN_PASSWORD, true))) {
            Api.Response login = new Api(port(again))
                    .post("/api/v1/auth/login", Map.of("email", admin, "password", ADMIN_PASSWORD), null);
            assertThat(login.status()).as("an erased bootstrap admin is not opened again").isEqualTo(401);
        }
    }

    @Test
    void withoutAnAdminPasswordOfItsOwnOrAMailServerItRefusesToStart(CapturedOutput output) {
        String admin = unique("root") + "@example.org";
        assertRefused(deployment(admin, "", true), "stoa.bootstrap.admin.password is not set");
        assertRefused(deployment(admin, "stoa-admin-change-me", true), "documented development default");
        assertRefused(deployment(admin, "short1", true), "too weak");
        assertRefused(deployment(admin, ADMIN_PASSWORD, false), "No mail server is configured");
        List<String> noStripe = deployment(admin, ADMIN_PASSWORD, true);
        noStripe.remove("--stoa.payments.gateway=sandbox");
        assertRefused(noStripe, "No Stripe key is configured");
        noStripe.add("--stoa.payments.stripe.api-key=sk_test_123");
        assertRefused(noStripe, "stoa.payments.stripe.webhook-secret is not set");
        List<String> noContentKey = deployment(admin, ADMIN_PASSWORD, true);
        noContentKey.add("--stoa.learning.content.signing-key=");
        assertRefused(noContentKey, "stoa.learning.content.signing-key is not set");
        List<String> shortContentKey = deployment(admin, ADMIN_PASSWORD, true);
        shortContentKey.add("--stoa.learning.content.signing-key=too-short-a-key");
        assertRefused(shortContentKey, "stoa.learning.content.signing-key is shorter than 32 characters");
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("STOA_BOOTSTRAP_ADMIN_PASSWORD").doesNotContain("short1").doesNotContain("too-short-a-key");
    }

    private void assertRefused(List<String> args, String reason) {
        assertThatThrownBy(() -> start(args).close())
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(StartupRefused.class).hasMessageContaining(reason));
    }

    /** A command process on its own database, mailing through the test's SMTP server when {@code mail}. */
    private List<String> deployment(String adminEmail, String adminPassword, boolean mail) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--stoa.data-dir=target/deployment-data", "--stoa.bootstrap.admin.email=" + adminEmail,
                "--stoa.bootstrap.admin.password=" + adminPassword, "--stoa.payments.gateway=sandbox"));
        if (mail) {
            int smtpPort = EmbeddedSmtp.running(Path.of("target/it-data")).port();
            args.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort));
        }
        return args;
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(StoaApplication.class).profiles("test", "command").run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof StartupRefused)) t = t.getCause();
        return t;
    }
}
