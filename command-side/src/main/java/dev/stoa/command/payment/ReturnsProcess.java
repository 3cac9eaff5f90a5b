package dev.stoa.command.payment;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.RestockReturn;
import dev.stoa.api.payment.ProductReturnReceived;
import dev.stoa.api.payment.RefundItem;
import dev.stoa.command.platform.web.Commands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Returned units that arrived go back on hand: each product of a {@code ProductReturnReceived} gets a
 * {@code RestockReturn} named after the parcel ({@code receiptId}), which the inventory applies once, so a redelivered
 * event restocks nothing twice. Part of the {@code refund-process} processor; never replayed.
 */
@Component
@ProcessingGroup(RefundProcess.NAME)
@DisallowReplay
class ReturnsProcess {
    private final Commands commands;

    ReturnsProcess(Commands commands) { this.commands = commands; }

    @EventHandler
    void on(ProductReturnReceived e) {
        for (RefundItem item : e.items())
            commands.send(new RestockReturn(new ProductId(item.itemId()), e.orderId(), e.receiptId(), item.quantity()));
    }
}
