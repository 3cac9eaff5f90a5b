package dev.stoa.app.platform.axon;

import dev.stoa.api.platform.PersonalData;
import dev.stoa.command.platform.DomainExceptionTranslator;
import dev.stoa.command.platform.RequestMetadataDispatchInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Interceptors on Axon's buses. Kept apart from {@link AxonConfiguration}, whose beans the buses
 * themselves need (a bean cannot both feed the buses and be fed by them).
 */
@Configuration
public class AxonInterceptors {

    @Autowired
    public void commandInterceptors(CommandBus commandBus, PersonalData personal) {
        commandBus.registerDispatchInterceptor(new RequestMetadataDispatchInterceptor(personal::seal));
        commandBus.registerHandlerInterceptor(new DomainExceptionTranslator());
    }

    /** Events published outside a command (an admin's dead-letter eviction) carry who did it like commands do. */
    @Autowired
    public void eventInterceptors(org.axonframework.eventhandling.EventBus eventBus, PersonalData personal) {
        eventBus.registerDispatchInterceptor(new RequestMetadataDispatchInterceptor(personal::seal));
    }

    /**
     * A failing event handler must not be skipped (Axon's default logs and moves on, which would lose the
     * event for that read model): propagate. Every processing group has a dead-letter queue
     * ({@code platform.deadletter}), which parks such an event with its cause; what it does not park (an outage)
     * reaches the processor, which retries the batch with back-off.
     */
    @Autowired
    public void eventProcessing(EventProcessingConfigurer configurer) {
        configurer.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        // A new processor starts at the beginning of the log. Axon's default asks the event store for its tail
        // token first, and with Axon Server unreachable that failed the whole start-up; null means the same
        // position without the round trip, so the app starts, reports the outage in health and answers 503.
        configurer.registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder.initialToken(source -> null));
    }
}
