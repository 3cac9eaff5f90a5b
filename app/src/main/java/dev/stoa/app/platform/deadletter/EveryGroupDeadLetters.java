package dev.stoa.app.platform.deadletter;

import dev.stoa.app.audit.AuditLog;
import java.util.function.Function;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;

/**
 * Registers, once for every processing group there is or will be, a dead-letter queue, the {@link ParkingPolicy}
 * and how the dead-lettering invoker behaves. A subclass of Axon's module so that Axon's own one backs off.
 */
class EveryGroupDeadLetters extends DeadLetterQueueProviderConfigurerModule {
    private final EnqueuePolicy<EventMessage<?>> policy;
    private final Function<String, SequencedDeadLetterQueue<EventMessage<?>>> queues;

    EveryGroupDeadLetters(EventProcessorProperties properties, EnqueuePolicy<EventMessage<?>> policy,
                          Function<String, SequencedDeadLetterQueue<EventMessage<?>>> queues) {
        super(properties, group -> null);
        this.policy = policy;
        this.queues = queues;
    }

    @Override
    public void configureModule(Configurer configurer) {
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing.registerDefaultDeadLetterPolicy(config -> policy);
        processing.registerDeadLetterQueueProvider(group -> {
            if (AuditLog.PROCESSOR.equals(group)) return null; // the chain skips nothing: a failure is retried in place
            // Axon has no default for the invoker's settings, only one per group: registered as each group gets its
            // queue. allowReset: a reset clears the group's letters. The replay delivers every event again, the parked
            // ones included, in order; kept letters would instead park their aggregates' whole history again, behind
            // stale later events. A letter whose cause remains is simply parked anew. The sequence-identifier cache
            // spares a query per event while nothing of the segment is parked.
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (config, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
            return config -> queues.apply(group);
        });
    }
}
