package dev.stoa.app.platform.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Wires read-your-writes into Axon once for all: the buses tell {@link WrittenEvents} what each write sends and
 * publishes, and every event processor, whatever its name, reports what it commits to {@link ProcessorProgress}.
 */
@Configuration
public class ReadYourWritesConfiguration {

    @Autowired
    public void followWrites(CommandBus commandBus, EventBus eventBus, WrittenEvents written) {
        commandBus.registerDispatchInterceptor(written.commandDispatch());
        commandBus.registerHandlerInterceptor(written.commandHandling());
        eventBus.registerDispatchInterceptor(written.eventDispatch());
    }

    @Autowired
    public void reportProgress(EventProcessingConfigurer configurer, ProcessorProgress progress) {
        configurer.registerDefaultHandlerInterceptor((config, processorName) -> progress.interceptor(processorName));
    }
}
