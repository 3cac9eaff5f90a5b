package dev.stoa.command.payment;

import dev.stoa.api.payment.PaymentId;
import dev.stoa.command.platform.BeforeEvents;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link GatewayEvents} in {@code payment_gateway_event}. The row is a fast path that lets a redelivery be answered
 * without the payment, so it must never exist without the payment's events, while the reverse is harmless (the payment
 * remembers the ids it applied). With the JPA event store it joins the command's transaction; with Axon Server, whose
 * events are appended outside PostgreSQL, it is written once the unit of work has committed them. (Written before them,
 * as {@link BeforeEvents} does for claims, a command whose append then failed left the row, and Stripe's retry of that
 * event was answered 200 and dropped: a captured payment, or a refund's failure, lost.)
 */
@Component
class JdbcGatewayEvents implements GatewayEvents {
    private final JdbcTemplate jdbc;
    private final BeforeEvents beforeEvents;

    JdbcGatewayEvents(JdbcTemplate jdbc, BeforeEvents beforeEvents) {
        this.jdbc = jdbc;
        this.beforeEvents = beforeEvents;
    }

    @Override
    public void record(String gatewayEventId, PaymentId paymentId) {
        if (gatewayEventId == null) return;
        Runnable insert = () -> jdbc.update("insert into payment_gateway_event(event_id, payment_id) values (?, ?) "
                + "on conflict do nothing", gatewayEventId, paymentId.value());
        if (beforeEvents.separately() && CurrentUnitOfWork.isStarted())
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> insert.run());
        else
            insert.run();
    }

    @Override
    public boolean seen(String gatewayEventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from payment_gateway_event where event_id = ?)",
                Boolean.class, gatewayEventId));
    }
}
