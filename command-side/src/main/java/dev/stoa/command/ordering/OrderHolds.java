package dev.stoa.command.ordering;

import dev.stoa.api.ordering.ExpireOrder;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.MetadataKeys;
import dev.stoa.command.platform.BeforeEvents;
import dev.stoa.command.platform.PeriodicTask;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.stoa.api.platform.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The payment holds of pending orders, one row each in {@code order_payment_hold}, written and deleted in the order's
 * own transaction (so the table lists exactly the pending orders: also what a deactivated buyer's orders are found
 * by). Every {@code stoa.orders.hold-check-interval} the due ones are sent {@link ExpireOrder}; an order paid or
 * cancelled meanwhile ignores it. Persistent, so a restart loses no deadline; any number of processes may run this.
 */
@Component
public class OrderHolds extends PeriodicTask {
    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final BeforeEvents beforeEvents;
    private final Duration hold;

    OrderHolds(JdbcTemplate jdbc, Commands commands, BeforeEvents beforeEvents,
               @Value("${stoa.orders.payment-hold:30m}") Duration hold,
               @Value("${stoa.orders.hold-check-interval:10s}") Duration interval) {
        super("order-holds", interval);
        this.jdbc = jdbc;
        this.commands = commands;
        this.beforeEvents = beforeEvents;
        this.hold = hold;
    }

    /** Starts the hold of a new order; returns when it runs out. */
    public Instant hold(OrderId orderId, String buyerId) {
        Instant until = Instant.now().plus(hold);
        beforeEvents.write(() -> jdbc.update("insert into order_payment_hold(order_id, buyer_id, expires_at) values (?, ?, ?) "
                + "on conflict do nothing", orderId.value(), buyerId, Timestamp.from(until)));
        return until;
    }

    /** Ends the hold: the order was paid or cancelled. */
    public void release(OrderId orderId) {
        beforeEvents.write(() -> jdbc.update("delete from order_payment_hold where order_id = ?", orderId.value()));
    }

    /** The orders of {@code buyerId} still pending. */
    public List<OrderId> pendingOf(String buyerId) {
        return jdbc.queryForList("select order_id from order_payment_hold where buyer_id = ?", String.class, buyerId)
                .stream().map(OrderId::new).toList();
    }

    /** One pass over up to 200 due holds; returns how many were handled. */
    @Override
    public int runOnce() {
        List<String> due = jdbc.queryForList("select order_id from order_payment_hold where expires_at <= now() "
                + "order by expires_at limit 200", String.class);
        for (String orderId : due) {
            try {
                commands.send(GenericCommandMessage.asCommandMessage(new ExpireOrder(new OrderId(orderId)))
                        .andMetaData(Map.of(MetadataKeys.USER_ID, "system", MetadataKeys.CORRELATION_ID,
                                UUID.randomUUID().toString(), MetadataKeys.CAUSATION_ID, "order-payment-hold:" + orderId)));
            } catch (CommandExecutionException e) {
                // a hold whose order was never stored (with Axon Server the row commits first): nothing to expire;
                // anything else stays for the next pass
                if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e;
            }
            jdbc.update("delete from order_payment_hold where order_id = ?", orderId);
        }
        return due.size();
    }
}
