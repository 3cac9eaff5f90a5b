package dev.stoa.app.platform.axon;

import dev.stoa.command.platform.StoaCorrelationDataProvider;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon wiring shared by both sides: metadata on every message, the event processors' source, the aggregate cache
 * and snapshots of long streams.
 */
@Configuration
public class AxonConfiguration {

    /** Replaces Axon's MessageOriginProvider: userId, correlationId, causationId, idempotencyKey. */
    @Bean
    public CorrelationDataProvider stoaCorrelationDataProvider() { return new StoaCorrelationDataProvider(); }

    /** The source of every streaming processor (see {@code source:} in application.yml). */
    @Bean(destroyMethod = "close")
    public SignallingEventSource signallingEventSource(org.axonframework.eventsourcing.eventstore.EventStore eventStore) {
        return new SignallingEventSource(eventStore);
    }

    /**
     * Aggregates stay in memory between commands (a product with thousands of stock events loads in
     * microseconds, not by replaying them); weak references let the GC take what is not in use.
     */
    @Bean
    public Cache aggregateCache() { return new WeakReferenceCache(); }

    /**
     * For aggregates whose streams grow without bound ({@code UserAccount} with every login, {@code TokenFamily} with
     * every refresh, {@code Product} with every stock change): a snapshot after every {@code threshold} events, so
     * an aggregate the cache no longer holds (another process, a restart, memory pressure) loads from its newest
     * snapshot and at most {@code threshold} events after it, not its whole history. Taken right after the
     * command's commit, in its own transaction; a failed snapshot is logged and the aggregate loads from events.
     */
    @Bean
    public SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${stoa.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Axon's JPA token store (as its Spring Boot configuration builds it, which steps aside for this bean), with the
     * token update after each batch written in SQL ({@link NativeUpdateTokenStore}). Both event stores use it: Axon
     * Server keeps no tokens.
     */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class) // a test's second process in the same JVM registers one of its own
    public TokenStore tokenStore(@Qualifier("serializer") Serializer serializer, EntityManagerProvider entityManagers,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return NativeUpdateTokenStore.create(entityManagers, serializer, claimTimeout);
    }

    /**
     * Axon's transactions (replaces its {@code axonTransactionManager}): read-only for a query, read-write for
     * everything else (commands, event handlers, dead letters). Axon's query bus opens a transaction around every
     * query handler; read-write, it made the handlers' own {@code @Transactional(readOnly = true)} join a read-write
     * one, so Hibernate kept a copy of every row read and dirty-checked them all at the commit, and PostgreSQL was not
     * told the transaction only reads (bench/README, "Where a new list page's time goes"). A query handler that wrote
     * would now fail, as it should.
     * <p>
     * And one snapshot (REPEATABLE READ): an answer made of several statements (a wallet's balance and its entries, a
     * page and its total) reads them all as of one moment. Under PostgreSQL's default, READ COMMITTED, each statement
     * saw the read models as they were when it ran, and a wallet read while top-ups landed listed entries its balance
     * did not count yet (found by a walkthrough, 2026-12-06, fifth session). A read-only transaction never fails to
     * serialize; the snapshot is taken at its first statement. Said by {@code SET TRANSACTION} in the transaction,
     * which the driver sends with its {@code BEGIN}: Spring's own isolation setting would ask the connection for its
     * level, set the session's and set it back, three more round trips to the database for every query. A query
     * asked within another transaction (a command's) joins it as it is.
     */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions, DataSource dataSource) {
        TransactionManager readWrite = new SpringTransactionManager(transactions);
        DefaultTransactionDefinition readOnlyDefinition = new DefaultTransactionDefinition();
        readOnlyDefinition.setReadOnly(true);
        TransactionManager readOnly = new SpringTransactionManager(transactions, readOnlyDefinition);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return () -> {
            if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().getMessage() instanceof QueryMessage<?, ?>))
                return readWrite.startTransaction();
            boolean joining = TransactionSynchronizationManager.isActualTransactionActive();
            Transaction transaction = readOnly.startTransaction();
            if (!joining) {
                try {
                    jdbc.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                } catch (RuntimeException e) {
                    transaction.rollback();
                    throw e;
                }
            }
            return transaction;
        };
    }
}
