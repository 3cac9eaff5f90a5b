package dev.stoa.app.platform.deadletter;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every processing group parks the events its handlers fail on in Axon's sequenced dead-letter queue, in
 * PostgreSQL ({@code dead_letter_entry}), in the embedded mode and with Axon Server alike: later events of the same
 * aggregate queue behind a parked one, all others go on. Replaces Axon's provider, which only serves groups that
 * set {@code dlq.enabled} one by one.
 */
@Configuration
public class DeadLetterConfiguration {

    @Bean
    public ParkingPolicy parkingPolicy(@Value("${stoa.dead-letters.initial-backoff:1s}") Duration initialBackoff,
                                       @Value("${stoa.dead-letters.max-backoff:5m}") Duration maxBackoff) {
        return new ParkingPolicy(initialBackoff, maxBackoff, Clock.systemUTC());
    }

    @Bean
    public HandlerTransaction handlerTransaction(EntityManagerFactory entityManagerFactory) {
        return new HandlerTransaction(entityManagerFactory);
    }

    /** Lazy on the transaction: Axon builds its handler definitions before the persistence unit exists. */
    @Bean
    public static IsolatedHandlers isolatedHandlers(ObjectProvider<HandlerTransaction> transaction) {
        return new IsolatedHandlers(transaction);
    }

    /** Its type replaces Axon's own provider module (conditional on a missing bean of this type). */
    @Bean
    public DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties properties, EntityManagerProvider entityManagers, TransactionManager transactions,
            Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer, ParkingPolicy policy,
            HandlerTransaction transaction) {
        return new EveryGroupDeadLetters(properties, policy, group -> new DeferringDeadLetterQueue(
                JpaSequencedDeadLetterQueue.<EventMessage<?>>builder().processingGroup(group)
                        .entityManagerProvider(entityManagers).transactionManager(transactions)
                        .genericSerializer(serializer).eventSerializer(eventSerializer), transaction));
    }
}
