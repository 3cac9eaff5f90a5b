package dev.stoa.app.embedded;

import dev.stoa.command.platform.DeploymentMode;
import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Starts the embedded PostgreSQL and Elasticsearch when the configuration names none, and points
 * {@code spring.datasource.url} / {@code spring.elasticsearch.uris} at them. Runs right after logging is configured,
 * so its progress shows in the normal log. It does not wait for them: they start in the background while the
 * application context is built, and the beans that need them wait ({@link EmbeddedServersGate}). When the URLs are
 * configured (docker-compose, production), nothing embedded starts. Only when it starts PostgreSQL is the
 * process in the fully embedded mode ({@link EmbeddedMode}), which alone supplies the development admin password.
 */
public class EmbeddedRuntimeStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    static final String SOURCE = "stoaEmbeddedRuntime";
    /** Set only in our own property source when we started PostgreSQL: see {@link EmbeddedMode}. */
    static final String EMBEDDED_POSTGRES = "stoa.embedded.postgres.active";
    static final String DEFAULTS = "stoaEmbeddedDefaults";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (env.getPropertySources().contains(SOURCE)) return;
        boolean postgres = !env.containsProperty("spring.datasource.url")
                && env.getProperty("stoa.embedded.postgres.enabled", Boolean.class, true);
        boolean elasticsearch = !env.containsProperty("spring.elasticsearch.uris")
                && !env.acceptsProfiles(Profiles.of("command"))
                && env.getProperty("stoa.embedded.elasticsearch.enabled", Boolean.class, true);
        if (!postgres && !elasticsearch) return;

        Path dataDir = Path.of(env.getProperty("stoa.data-dir", "./data"));
        EmbeddedRuntime runtime = EmbeddedRuntime.forDataDir(dataDir);
        runtime.start(postgres ? postgresSettings(env) : null,
                elasticsearch ? elasticsearchSettings(env, runtime.dataDir()) : null);

        Map<String, Object> props = new HashMap<>();
        if (postgres) {
            props.put("spring.datasource.url", runtime.jdbcUrl());
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "");
            props.put(EMBEDDED_POSTGRES, true);
            // lowest precedence: a password the user configured still wins
            env.getPropertySources().addLast(new MapPropertySource(DEFAULTS,
                    Map.of("stoa.bootstrap.admin.password", DeploymentMode.DEV_ADMIN_PASSWORD)));
        }
        if (elasticsearch) props.put("spring.elasticsearch.uris", runtime.elasticsearchUri());
        props.put("stoa.embedded.active", true);
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, props));
    }

    /** Shared by every data directory of the user: what is the same for all of them is extracted there once. */
    private static Path cacheDir(ConfigurableEnvironment env) {
        String cache = env.getProperty("stoa.embedded.cache-dir");
        return cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "stoa") : Path.of(cache);
    }

    private static EmbeddedRuntime.PostgresSettings postgresSettings(ConfigurableEnvironment env) {
        return new EmbeddedRuntime.PostgresSettings(
                env.getProperty("stoa.embedded.postgres.start-timeout", Duration.class, EmbeddedRuntime.defaultTimeout()),
                cacheDir(env).resolve("postgres"),
                env.getProperty("stoa.embedded.postgres.shared-buffers-mb", Integer.class, 64));
    }

    private static EmbeddedElasticsearchSettings elasticsearchSettings(ConfigurableEnvironment env, Path dataDir) {
        return new EmbeddedElasticsearchSettings(dataDir.resolve("elasticsearch"),
                env.getProperty("stoa.embedded.elasticsearch.heap-mb", Integer.class, 192),
                env.getProperty("stoa.embedded.elasticsearch.port", Integer.class, 0),
                env.getProperty("stoa.embedded.elasticsearch.start-timeout", Duration.class, EmbeddedRuntime.defaultTimeout()),
                null, cacheDir(env).resolve("elasticsearch"));
    }

    @Override
    public int getOrder() { return LoggingApplicationListener.DEFAULT_ORDER + 1; }
}
