package dev.stoa.app;

import dev.stoa.app.embedded.EmbeddedRuntime;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.config.BootstrapMode;

/**
 * The one runnable. With no profile it is the whole platform in one process; profile {@code command}
 * runs only the command side, profile {@code query} only projections and the query API.
 */
@SpringBootApplication
@EntityScan({"dev.stoa",
        // Axon's own entities: events, snapshots, tokens, sagas, dead letters
        "org.axonframework.eventsourcing.eventstore.jpa", "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa", "org.axonframework.eventhandling.deadletter.jpa"})
// deferred: created once the context is refreshed, while Hibernate starts in the background (BackgroundJpaBootstrap)
@EnableJpaRepositories(basePackages = "dev.stoa", bootstrapMode = BootstrapMode.DEFERRED)
public class StoaApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(StoaApplication.class);
        // Our shutdown hook closes the context first and then the embedded servers it runs on.
        app.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context;
        try {
            context = app.run(args);
        } catch (RuntimeException failed) {
            // Spring Boot has reported why. The embedded servers and SMTP server started before the context failed
            // (a non-daemon SMTP thread among them) must not keep this process alive: exit, and the hooks stop them.
            System.exit(1);
            return;
        }
        EmbeddedRuntime.beforeStop(context::close);
    }
}
