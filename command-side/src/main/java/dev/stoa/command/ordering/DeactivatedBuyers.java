package dev.stoa.command.ordering;

import dev.stoa.api.identity.UserDeactivated;
import dev.stoa.api.ordering.CancelOrder;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import dev.stoa.command.platform.web.Commands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A deactivated account's pending orders are cancelled (reason {@code user_deactivated}); paid ones go on. The pending
 * orders are the rows of {@code order_payment_hold} (written in each order's transaction, not a lagging read model).
 * Idempotent: a redelivered event finds those orders cancelled and changes nothing. Sends commands: never replayed.
 */
@Component
@ProcessingGroup(DeactivatedBuyers.NAME)
@DisallowReplay
class DeactivatedBuyers {
    static final String NAME = "order-buyer-deactivation";
    private final OrderHolds holds;
    private final Commands commands;

    DeactivatedBuyers(OrderHolds holds, Commands commands) {
        this.holds = holds;
        this.commands = commands;
    }

    @EventHandler
    void on(UserDeactivated e) {
        for (OrderId order : holds.pendingOf(e.userId().value()))
            commands.send(new CancelOrder(order, CancelOrder.USER_DEACTIVATED, Actor.system()));
    }
}
