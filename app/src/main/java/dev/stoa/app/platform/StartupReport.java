package dev.stoa.app.platform;

import dev.stoa.app.embedded.EmbeddedMode;
import dev.stoa.app.platform.security.TokenMinter;
import dev.stoa.command.platform.UniqueKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started Stoa where things are: the API, the OpenAPI UI, health, the data. In the fully
 * embedded mode only ({@link EmbeddedMode}: this process started its own PostgreSQL) it also prints a 12-hour
 * admin access token for the bootstrap admin, so the write endpoints can be tried at once
 * ({@code stoa.embedded.print-admin-token}); with an external database no property brings it back.
 */
@Component
class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private final Environment env;
    private final TokenMinter tokens;
    private final ObjectProvider<UniqueKeys> keys;

    StartupReport(Environment env, TokenMinter tokens, ObjectProvider<UniqueKeys> keys) {
        this.env = env;
        this.tokens = tokens;
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void report(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        String base = "http://localhost:" + port;
        boolean embedded = env.getProperty("stoa.embedded.active", Boolean.class, false);
        log.info("""

                Stoa is up ({})
                  API          {}/api/v1   (e.g. {}/api/v1/products)
                  OpenAPI UI   {}/swagger-ui.html   (document: {}/v3/api-docs)
                  Health       {}/actuator/health
                  Data         {}""",
                String.join(",", env.getActiveProfiles().length == 0 ? new String[] {"command+query"} : env.getActiveProfiles()),
                base, base, base, base, base,
                embedded ? Path.of(env.getProperty("stoa.data-dir", "./data")).toAbsolutePath().normalize()
                        + " (embedded PostgreSQL " + env.getProperty("spring.datasource.url") + ", Elasticsearch "
                        + env.getProperty("spring.elasticsearch.uris", "-") + ")"
                        : env.getProperty("spring.datasource.url") + ", " + env.getProperty("spring.elasticsearch.uris", "-"));
        if (EmbeddedMode.fullyEmbedded(env) && env.getProperty("stoa.embedded.print-admin-token", Boolean.class, true))
            printAdminToken();
    }

    private void printAdminToken() {
        UniqueKeys uniqueKeys = keys.getIfAvailable();
        String email = env.getProperty("stoa.bootstrap.admin.email", "");
        if (uniqueKeys == null || email.isBlank()) return;
        uniqueKeys.ownerOf("user-email", email.trim().toLowerCase()).ifPresent(adminId -> log.info(
                "Development admin token for {} (valid 12 h; embedded mode only):\n  Authorization: Bearer {}",
                email, tokens.accessToken(adminId, List.of("admin"), Duration.ofHours(12))));
    }
}
