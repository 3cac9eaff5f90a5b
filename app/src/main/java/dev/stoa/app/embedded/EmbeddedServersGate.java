package dev.stoa.app.embedded;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Where the application waits for the embedded servers, which start while the context is built
 * ({@link EmbeddedRuntimeStarter}): as late as possible, so that their start-up and the context's overlap.
 * <ul>
 *   <li>Any {@link DataSource} bean waits for PostgreSQL before it is created: Flyway, Hibernate and every JDBC
 *       user come after it.</li>
 *   <li>Elasticsearch is only ever used lazily (the index is created before the first write), so the context is
 *       built without it; it is awaited first thing when the context starts its lifecycle, before the event
 *       processors and the web server start. "Started" therefore still means that both servers are up.</li>
 * </ul>
 * A server that cannot start stops the start-up there with {@link EmbeddedServerFailed}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedServersGate.EmbeddedRuntimeStarted.class)
class EmbeddedServersGate {

    @Bean
    static InstantiationAwareBeanPostProcessor embeddedPostgresGate(Environment env) {
        return new InstantiationAwareBeanPostProcessor() {
            @Override
            public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
                if (DataSource.class.isAssignableFrom(beanClass)) {
                    EmbeddedRuntime runtime = runtime(env);
                    if (runtime != null) runtime.awaitPostgres();
                }
                return null;
            }
        };
    }

    @Bean
    SmartLifecycle embeddedServersReady(Environment env) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                EmbeddedRuntime runtime = runtime(env);
                if (runtime != null) {
                    runtime.awaitPostgres();
                    runtime.awaitElasticsearch();
                }
                running = true;
            }

            @Override
            public void stop() { running = false; }

            @Override
            public boolean isRunning() { return running; }

            /** Before every other lifecycle bean: the event processors, the web server. */
            @Override
            public int getPhase() { return Integer.MIN_VALUE; }
        };
    }

    private static EmbeddedRuntime runtime(Environment env) {
        return EmbeddedRuntime.running(Path.of(env.getProperty("stoa.data-dir", "./data")));
    }

    /** Only where this context's {@link EmbeddedRuntimeStarter} started servers. */
    static final class EmbeddedRuntimeStarted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment() instanceof ConfigurableEnvironment env
                    && env.getPropertySources().contains(EmbeddedRuntimeStarter.SOURCE);
        }
    }
}
