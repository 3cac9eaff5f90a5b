package dev.stoa.command.ordering;

import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.wallet.RefundRestToWallet;
import dev.stoa.api.wallet.WalletDebited;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A wallet debit that landed after its order was cancelled unpaid goes back. The wallet refuses a debit for a cancelled
 * order, but reads the order's events outside the order's own lock: a cancellation (the buyer, an admin, the hold, the
 * buyer's deactivation) can commit between that read and the debit. The order's saga has then ended with the
 * cancellation, before this debit, and the checkout's own refund of it is lost if its request died or timed out there.
 * For each {@code WalletDebited} whose order was cancelled without being confirmed, this sends
 * {@code RefundRestToWallet} under the reference {@code unconfirmed-<orderId>}, the one the checkout and the saga use for
 * the same case, so at most one of them gives it back. A debit for an order confirmed (paid) or not cancelled changes
 * nothing here; a course bought from the wallet names no order. Side effects only: never replayed; from the start of
 * the log, so a debit lost before this existed is found too.
 */
@Component
@ProcessingGroup(LateWalletDebits.NAME)
@DisallowReplay
class LateWalletDebits {
    static final String NAME = "late-wallet-debits";
    private static final Logger log = LoggerFactory.getLogger(LateWalletDebits.class);
    private final CommandGateway commands;
    private final EventStore events;

    LateWalletDebits(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @EventHandler
    void on(WalletDebited e) {
        List<Object> order = events.readEvents(e.orderId().value()).asStream().map(m -> (Object) m.getPayload()).toList();
        if (order.stream().noneMatch(p -> p instanceof OrderCancelled) || order.stream().anyMatch(p -> p instanceof OrderConfirmed))
            return;
        // what is left of the debit: nothing when the checkout or the saga gave it back already (same reference)
        commands.sendAndWait(new RefundRestToWallet(e.userId(), e.orderId(), "unconfirmed-" + e.orderId().value(),
                e.currency()));
        log.info("Order {}: its wallet debit came after it was cancelled unpaid; what was left of it is given back "
                + "(unconfirmed-{})", e.orderId().value(), e.orderId().value());
    }
}
