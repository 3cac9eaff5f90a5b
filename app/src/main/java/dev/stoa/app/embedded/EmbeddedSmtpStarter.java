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
 * Starts the embedded SMTP server ({@link EmbeddedSmtp}) when no {@code spring.mail.host} is configured and
 * points {@code spring.mail.host/port} at it, beside the embedded PostgreSQL and Elasticsearch. It also sets
 * {@code stoa.embedded.smtp.active}, which switches the dev mailbox endpoint on. Not in profile "query",
 * which sends no mail. Off with {@code stoa.embedded.smtp.enabled=false}.
 */
public class EmbeddedSmtpStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    static final String SOURCE = "stoaEmbeddedSmtp";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (env.getPropertySources().contains(SOURCE)) return;
        boolean wanted = !env.containsProperty("spring.mail.host")
                && !env.acceptsProfiles(Profiles.of("query"))
                && env.getProperty("stoa.embedded.smtp.enabled", Boolean.class, true);
        if (!wanted) return;
        EmbeddedSmtp smtp = EmbeddedSmtp.forDataDir(Path.of(env.getProperty("stoa.data-dir", "./data")));
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", smtp.port(),
                "stoa.embedded.smtp.active", true)));
    }

    /** Right after the embedded PostgreSQL and Elasticsearch. */
    @Override
    public int getOrder() { return LoggingApplicationListener.DEFAULT_ORDER + 2; }
}
