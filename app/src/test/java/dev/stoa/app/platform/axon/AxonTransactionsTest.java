package dev.stoa.app.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * Axon's transactions are read-only for queries, and one snapshot (REPEATABLE READ, set in the transaction), and
 * read-write for commands, events and work outside a message.
 */
class AxonTransactionsTest {

    private final List<TransactionDefinition> begun = new ArrayList<>();
    private final List<String> statements = new ArrayList<>();
    private final TransactionManager transactions = new AxonConfiguration().axonTransactionManager(recording(), database());

    @Test
    void aQueryReadsOnlyOneSnapshot_everythingElseMayWrite() {
        assertThat(readOnlyWithin(new GenericQueryMessage<>("find", ResponseTypes.instanceOf(String.class)))).isTrue();
        assertThat(statements).containsExactly("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertThat(readOnlyWithin(GenericCommandMessage.asCommandMessage("place"))).isFalse();
        assertThat(readOnlyWithin(GenericEventMessage.asEventMessage("placed"))).isFalse();

        transactions.startTransaction().commit(); // outside any unit of work (dead-letter retries, start-up work)
        assertThat(begun).last().extracting(TransactionDefinition::isReadOnly).isEqualTo(false);
        assertThat(statements).as("only the query's transaction is set").hasSize(1);
    }

    private boolean readOnlyWithin(Message<?> message) {
        DefaultUnitOfWork.startAndGet(message).execute(() -> transactions.startTransaction().commit());
        return begun.getLast().isReadOnly();
    }

    private javax.sql.DataSource database() {
        try {
            java.sql.Statement statement = mock(java.sql.Statement.class);
            when(statement.execute(any())).thenAnswer(call -> statements.add(call.getArgument(0)));
            java.sql.Connection connection = mock(java.sql.Connection.class);
            when(connection.createStatement()).thenReturn(statement);
            javax.sql.DataSource dataSource = mock(javax.sql.DataSource.class);
            when(dataSource.getConnection()).thenReturn(connection);
            return dataSource;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PlatformTransactionManager recording() {
        PlatformTransactionManager platform = mock(PlatformTransactionManager.class);
        when(platform.getTransaction(any())).thenAnswer(call -> {
            begun.add(call.getArgument(0));
            return new SimpleTransactionStatus(true);
        });
        return platform;
    }
}
