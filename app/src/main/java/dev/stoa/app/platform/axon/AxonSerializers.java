package dev.stoa.app.platform.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's three serializers (general: snapshots, tokens; events; messages), all one {@link AxonJson} serializer.
 * Declared here because Axon's auto-configuration, asked for {@code jackson}, takes the first {@code ObjectMapper}
 * bean it finds, which is the web API's (see {@link AxonJson} for why that must not be). The
 * {@code axon.serializer.*: jackson} properties stay only so that Axon sets up no XStream instance.
 */
@Configuration
public class AxonSerializers {

    @Bean
    @Primary
    public Serializer serializer() { return AxonJson.serializer(); }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) { return serializer; }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) { return serializer; }

    /** Registers {@link EventUpcasters#all()}: the upcasters Axon applies to every stored event it reads. */
    @Bean
    public ConfigurerModule eventUpcasters() {
        return configurer -> EventUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }
}
