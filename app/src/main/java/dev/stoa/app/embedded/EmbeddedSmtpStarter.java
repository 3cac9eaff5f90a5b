package dev.stoa.app.embedded;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Starts the embedded SMTP server ({@link EmbeddedSmtp}) in the fully embedded mode only ({@link EmbeddedMode}:
 * this process started its own PostgreSQL) when no {@code spring.mail.host} is configured, and points
 * {@code spring.mail.host/port} at it. The dev mailbox endpoint exists only while this server runs. With an
 * external database (docker-compose, production) nothing starts: mail goes to the configured SMTP server, and a
 * command process without one refuses to start ({@code MailServerRequirement}). Not in profile "query", which
 * sends no mail. Off with {@code stoa.embedded.smtp.enabled=false}.
 */
public class EmbeddedSmtpStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    static final String SOURCE = "stoaEmbeddedSmtp";

    /** Whether this environment's process started the embedded SMTP server (not a property anyone can set). */
    static boolean active(org.springframework.core.env.Environment environment) {
        return environment instanceof ConfigurableEnvironment env && env.getPropertySources().contains(SOURCE)
                && EmbeddedSmtp.running(dataDir(env)) != null;
    }

    static Path dataDir(org.springframework.core.env.Environment env) {
        return Path.of(env.getProperty("stoa.data-dir", "./data"));
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (env.getPropertySources().contains(SOURCE)) return;
        boolean wanted = EmbeddedMode.fullyEmbedded(env) && !env.containsProperty("spring.mail.host")
                && !env.acceptsProfiles(Profiles.of("query"))
                && env.getProperty("stoa.embedded.smtp.enabled", Boolean.class, true);
        if (!wanted) return;
        EmbeddedSmtp smtp = EmbeddedSmtp.forDataDir(dataDir(env));
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", smtp.port())));
    }

    /** Right after the embedded PostgreSQL and Elasticsearch. */
    @Override
    public int getOrder() { return LoggingApplicationListener.DEFAULT_ORDER + 2; }
}
