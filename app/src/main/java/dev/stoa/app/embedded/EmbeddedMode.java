package dev.stoa.app.embedded;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Whether this process runs in the fully embedded mode: it started its own PostgreSQL. Only then do the
 * development conveniences exist (embedded SMTP server, dev mailbox, start-up admin token, development admin
 * password). The answer comes from the property source {@link EmbeddedRuntimeStarter} adds when it started the
 * database, never from a property a deployment could set by accident (an environment variable cannot add a
 * property source of that name).
 */
public final class EmbeddedMode {
    private EmbeddedMode() {}

    public static boolean fullyEmbedded(Environment environment) {
        if (!(environment instanceof ConfigurableEnvironment env)) return false;
        PropertySource<?> source = env.getPropertySources().get(EmbeddedRuntimeStarter.SOURCE);
        return source != null && source.containsProperty(EmbeddedRuntimeStarter.EMBEDDED_POSTGRES);
    }
}
