package dev.stoa.command.ordering;

import dev.stoa.api.ordering.HoldUnshippedUnits;
import dev.stoa.api.ordering.OrderConfirmed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The upgrade of orders paid before 2026-12-05, when a paid order's units left {@code onHand} at payment rather than
 * when they ship: for each such confirmation ({@code OrderConfirmed} without {@code unitsHeldUntilShipped}) the order
 * is asked to hold its units not shipped yet again ({@link HoldUnshippedUnits}; once, only while it is confirmed, so
 * an order shipped, cancelled or delivered since changes nothing). Without it, a count of the warehouse that found
 * those units on the shelf would put them on sale beside the order that bought them. Starts at the beginning of the
 * log; confirmations recorded since the change are passed over without a command. A failure (no answer) fails the
 * event, which the processor retries.
 */
@Component
@ProcessingGroup(OrderStockUpgrade.NAME)
class OrderStockUpgrade {
    static final String NAME = "order-stock-upgrade";
    private final CommandGateway commands;

    OrderStockUpgrade(CommandGateway commands) { this.commands = commands; }

    @EventHandler
    void on(OrderConfirmed e) {
        if (e.unitsLeftAtPayment()) commands.sendAndWait(new HoldUnshippedUnits(e.orderId()));
    }
}
