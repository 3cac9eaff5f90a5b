package dev.stoa.app.support;

import dev.stoa.app.StoaApplication;
import dev.stoa.app.platform.axon.NativeUpdateTokenStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** A process of profile "query" started in the test JVM, on another process's database (see SplitProfilesIT). */
public final class QueryProcess {
    private QueryProcess() {}

    public static ConfigurableApplicationContext start(Path data, String dbUrl, Path key, Path keyset, String... more) {
        List<String> args = new ArrayList<>(List.of("--stoa.data-dir=" + data, "--server.port=0",
                "--spring.datasource.url=" + dbUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--stoa.security.jwt.key-file=" + key,
                "--stoa.security.sealing.keyset-file=" + keyset,
                "--logging.level.dev.stoa.app.platform.axon.PositionGate=DEBUG")); // says what a pending read waited for
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(StoaApplication.class).profiles("test", "query")
                .initializers(QueryProcess::ownTokenStoreNode).run(args.toArray(String[]::new));
    }

    /**
     * Processes in one JVM share Axon's default token-store node id (pid@host), and a node may claim any segment
     * "it" holds: the second query process needs a name of its own, as it has when it runs in its own JVM.
     */
    private static void ownTokenStoreNode(ConfigurableApplicationContext context) {
        String node = context.getEnvironment().getProperty("stoa.test.token-store-node");
        if (node == null || !(context instanceof GenericApplicationContext generic)) return;
        generic.registerBean("tokenStore", TokenStore.class, () -> NativeUpdateTokenStore.create(
                generic.getBean(EntityManagerProvider.class), generic.getBean("serializer", Serializer.class),
                java.time.Duration.ofSeconds(10), node));
    }

    public static StreamingEventProcessor processor(ConfigurableApplicationContext context, String name) {
        return context.getBean(EventProcessingConfiguration.class).eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }
}
