package dev.stoa.app.platform.persistence;

import java.util.Map;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Hibernate builds the EntityManagerFactory (seconds: every entity and Axon's own) on the application task executor
 * while the main thread goes on creating the rest of the context; whoever uses it first waits for it. Goes with the
 * repositories' deferred bootstrap ({@code StoaApplication}'s {@code @EnableJpaRepositories}), which creates them
 * once the context is refreshed instead of asking the factory for its metamodel while it is still being built.
 * What Spring Boot does for {@code spring.data.jpa.repositories.bootstrap-mode=deferred}, which our own
 * {@code @EnableJpaRepositories} switches off.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundJpaBootstrap {
    @Bean
    EntityManagerFactoryBuilderCustomizer backgroundEntityManagerFactoryBootstrap(Map<String, AsyncTaskExecutor> executors) {
        return builder -> {
            AsyncTaskExecutor executor = executors.size() == 1 ? executors.values().iterator().next()
                    : executors.get(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME);
            if (executor != null) builder.setBootstrapExecutor(executor);
        };
    }
}
