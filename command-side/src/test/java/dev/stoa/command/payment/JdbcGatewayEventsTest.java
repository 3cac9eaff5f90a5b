package dev.stoa.command.payment;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.command.platform.BeforeEvents;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The fast path of Stripe redeliveries ({@code payment_gateway_event}) with the events stored outside PostgreSQL (Axon
 * Server): the row is written only once the command's unit of work committed its events, so a command whose append
 * failed leaves no row, and Stripe's retry of that event reaches the payment instead of being answered 200 and dropped.
 */
class JdbcGatewayEventsTest {
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final PaymentId payment = PaymentId.ofOrder(OrderId.random());

    @Test
    void withEventsStoredElsewhere_aCommandThatFailedLeavesNoRow_andOneThatCommittedWritesItAfterwards() {
        GatewayEvents events = new JdbcGatewayEvents(jdbc, new BeforeEvents(mock(PlatformTransactionManager.class), true));

        var failed = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("capture"));
        events.record("evt_lost", payment);
        failed.rollback(); // the append to Axon Server failed: no events
        verify(jdbc, never()).update(anyString(), eq("evt_lost"), eq(payment.value()));

        var stored = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("capture"));
        events.record("evt_kept", payment);
        verify(jdbc, never()).update(anyString(), eq("evt_kept"), eq(payment.value()));
        stored.commit();
        verify(jdbc).update(anyString(), eq("evt_kept"), eq(payment.value()));
    }

    @Test
    void withTheJpaEventStore_theRowJoinsTheCommandsTransaction_writtenAtOnce() {
        GatewayEvents events = new JdbcGatewayEvents(jdbc, new BeforeEvents(mock(PlatformTransactionManager.class), false));
        var command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("capture"));
        events.record("evt_now", payment);
        verify(jdbc).update(anyString(), eq("evt_now"), eq(payment.value()));
        command.commit();
    }
}
