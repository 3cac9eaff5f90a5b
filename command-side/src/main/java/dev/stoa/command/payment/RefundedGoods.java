package dev.stoa.command.payment;

import dev.stoa.api.cart.ReleaseCouponRedemption;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.RestockReturn;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderLinesWithdrawn;
import dev.stoa.api.ordering.WithdrawRefundedUnits;
import dev.stoa.api.ordering.WithdrawnUnits;
import dev.stoa.api.payment.OpenProductReturn;
import dev.stoa.api.payment.RefundApproved;
import dev.stoa.api.payment.RefundItem;
import dev.stoa.api.payment.RefundLineAmount;
import dev.stoa.command.platform.web.Commands;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * What becomes of the product units an approved refund request paid back. The order decides, line by line
 * ({@code WithdrawRefundedUnits}): units it still had to ship, and a digital product's, are taken back and are for sale
 * again at once ({@code RestockReturn}), so the buyer never gets both the money and the goods; units that had left get
 * a return ({@code OpenProductReturn}), and come back on hand when they arrive. The order answers before the vendor can ship more (its own consistency boundary),
 * so a shipment racing the approval either went first (a return) or finds the units withdrawn. The request that refunds
 * the order whole (every unit of every line, {@code wholeOrderRefunded}) also releases its coupon's redemption.
 * <p>
 * The approval's request does this at once ({@code approve}); this process, part of {@code refund-process}, does it again
 * from {@code RefundApproved}, which finishes it when that request died after the approval. Both steps are idempotent
 * under the request's id. Never replayed.
 */
@Component
@ProcessingGroup(RefundProcess.NAME)
@DisallowReplay
class RefundedGoods {
    private final Commands commands;
    private final EventStore events;

    RefundedGoods(Commands commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @EventHandler
    void on(RefundApproved e) { settle(e); }

    void settle(RefundApproved e) {
        withdraw(e);
        // the order refunded whole, shipped or not: its coupon's use comes back, as a cancellation's does (before
        // 2026-12-06, seventh session, it stayed counted against the coupon's limits and the buyer's)
        if (e.wholeOrderRefunded())
            RefundableOrder.coupon(events, e.orderId()).ifPresent(code -> commands.send(new ReleaseCouponRedemption(code, e.orderId())));
    }

    private void withdraw(RefundApproved e) {
        // every line refunded, a course's too: the order closes once nothing is left of it (before 2026-12-06, seventh
        // session, product lines only, and an order refunded whole with a course in it stayed confirmed)
        List<WithdrawnUnits> units = e.lines().stream().map(l -> new WithdrawnUnits(l.itemId(), l.quantity())).toList();
        if (units.isEmpty()) return;
        OrderLinesWithdrawn decided = commands.send(new WithdrawRefundedUnits(e.orderId(), e.refundId().value(), units));
        Set<String> products = e.lines().stream().filter(l -> OrderLine.PRODUCT.equals(l.itemType()))
                .map(RefundLineAmount::itemId).collect(Collectors.toSet());
        // the product units taken back are for sale again now, under one receipt for the refund (the order's saga, while
        // the order is open, sends the same; an order delivered or cancelled has no saga left to)
        for (WithdrawnUnits taken : decided.units())
            if (products.contains(taken.itemId())) commands.send(new RestockReturn(new ProductId(taken.itemId()), e.orderId(),
                    RestockReturn.withdrawnBy(e.refundId().value()), taken.quantity()));
        if (decided.unitsSentBack().isEmpty()) return;
        commands.send(new OpenProductReturn(e.orderId(), e.refundId(),
                decided.unitsSentBack().stream().map(u -> new RefundItem(OrderLine.PRODUCT, u.itemId(), u.quantity())).toList()));
    }
}
