package dev.stoa.command.payment;

import dev.stoa.api.payment.PaymentId;
import dev.stoa.command.platform.BeforeEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link GatewayEvents} in {@code payment_gateway_event}, written beside the payment's events ({@link BeforeEvents}). */
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
        beforeEvents.write(() -> jdbc.update("insert into payment_gateway_event(event_id, payment_id) values (?, ?) "
                + "on conflict do nothing", gatewayEventId, paymentId.value()));
    }

    @Override
    public boolean seen(String gatewayEventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from payment_gateway_event where event_id = ?)",
                Boolean.class, gatewayEventId));
    }
}
