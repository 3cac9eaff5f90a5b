package dev.stoa.command.ordering;

import dev.stoa.api.cart.ReleaseCouponRedemption;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.CommitStockReservation;
import dev.stoa.api.inventory.HoldCommittedUnits;
import dev.stoa.api.inventory.ReleaseStockReservation;
import dev.stoa.api.inventory.RestockReturn;
import dev.stoa.api.inventory.ReturnCommittedStock;
import dev.stoa.api.ordering.ConfirmOrder;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderClosedByRefunds;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderDelivered;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderLinesShipped;
import dev.stoa.api.ordering.OrderLinesWithdrawn;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.ordering.UnshippedUnitsHeld;
import dev.stoa.api.ordering.WithdrawnUnits;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.wallet.RefundRestToWallet;
import dev.stoa.api.wallet.WalletDebited;
import dev.stoa.command.platform.SnapshotState;
import dev.stoa.command.platform.Refusals;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Follows one order from placing to its end and keeps the other aggregates in step with it; every command it sends is
 * idempotent, so a repeat (the checkout did the step already, or a retry after a failure) changes nothing:
 * <ul>
 *   <li>{@code WalletDebited} for the order → {@code ConfirmOrder} (the checkout confirms at once; this finishes it
 *       when its request died after the debit). Should the order have been cancelled meanwhile (its hold ran out),
 *       the debit is refunded to the wallet.</li>
 *   <li>{@code OrderConfirmed} → the reservations of products nobody ships (digital ones) are committed; those of
 *       physical products stay open, their units reserved and on hand, until they ship.</li>
 *   <li>{@code OrderLinesShipped} → the shipped lines' reservations are committed: the goods leave the warehouse.</li>
 *   <li>{@code UnshippedUnitsHeld} (an order paid before 2026-12-05, whose reservations were committed at payment) →
 *       its units not shipped yet are held again, on hand and reserved ({@code HoldCommittedUnits}).</li>
 *   <li>{@code OrderCancelled}: from {@code pending}, reservations and coupon released; from {@code confirmed},
 *       the lines not shipped give their units back: an open reservation is released, committed units (a digital
 *       product, or an order paid before reservations stayed open until shipping) come back on hand (less those withdrawn
 *       before); paid by the wallet, what is left of its debit is refunded to it (all
 *       of it, less what refund requests gave back already); the coupon's redemption is released whatever the order
 *       had reached. Ends the saga.
 *       (A card refund comes with the payments.)</li>
 *   <li>{@code OrderLinesWithdrawn} (a refund paid back units not shipped yet) → those units are available again
 *       ({@code RestockReturn} under the receipt {@code withdrawn-<refundId>}, once: the open reservation holds fewer;
 *       committed ones come back on hand).</li>
 *   <li>{@code OrderDelivered} ends it, and so does {@code OrderClosedByRefunds} (every unit withdrawn: nothing left).</li>
 * </ul>
 * The payment hold that expires an unpaid order is the order's own ({@link OrderHolds}, a row written with the
 * order): its {@code OrderCancelled} (reason {@code expired}) reaches this saga like any other cancellation.
 */
@Saga
@SnapshotState
public class OrderFulfilment {
    private static final Logger log = LoggerFactory.getLogger(OrderFulfilment.class);

    @Autowired
    private transient CommandGateway commands;

    private String orderId;
    private String buyer;
    private List<OrderLine> lines;
    private String paymentMethod;

    public OrderFulfilment() {}

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPlaced e) {
        orderId = e.orderId().value();
        buyer = e.buyer().value();
        lines = List.copyOf(e.lines());
        paymentMethod = e.paymentMethod();
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(WalletDebited e) {
        if (!PlaceOrder.WALLET.equals(paymentMethod)) return;
        try {
            commands.sendAndWait(new ConfirmOrder(e.orderId(), "wallet-" + e.orderId().value()));
        } catch (CommandExecutionException refused) {
            if (!Refusals.is(refused, ErrorCode.INVALID_TRANSITION)) throw refused;
            // the order is cancelled (before the debit confirmed it, or since, when this saga runs behind): what is left
            // of the debit goes back. Not the whole debit: a saga behind its events may come here after the checkout
            // confirmed the order and a refund request gave part back; the wallet would refuse the whole as more than is
            // left, and this event, parked, would hold up the cancellation's own refund behind it
            commands.sendAndWait(new RefundRestToWallet(e.userId(), e.orderId(), "unconfirmed-" + e.orderId().value(),
                    e.currency()));
        }
    }

    /**
     * Paid: the units of a product nobody ships (a digital one) are the buyer's now, their reservation is committed.
     * Those of physical products stay reserved, and on hand, until their line ships.
     */
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderConfirmed e) {
        for (ProductId product : committedAtPayment(lines)) send(new CommitStockReservation(product, e.orderId()));
    }

    /**
     * The products whose reservation is committed when the order is paid: those nobody ships (digital ones). Physical
     * ones stay reserved, and on hand, until their line ships. The checkout commits the same for a wallet payment.
     */
    static List<ProductId> committedAtPayment(List<OrderLine> lines) {
        return productLines(lines).stream().filter(l -> !l.physical()).map(l -> new ProductId(l.itemId())).toList();
    }

    /** Lines left with a carrier: their units leave the warehouse (committed once; a digital one was at payment). */
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderLinesShipped e) {
        for (OrderLine line : productLines(lines))
            if (e.itemIds().contains(line.itemId())) send(new CommitStockReservation(new ProductId(line.itemId()), e.orderId()));
    }

    /** An order paid before 2026-12-05: its units not shipped yet are held again, on hand and reserved, until they ship. */
    @SagaEventHandler(associationProperty = "orderId")
    void on(UnshippedUnitsHeld e) {
        for (WithdrawnUnits units : e.units())
            send(new HoldCommittedUnits(new ProductId(units.itemId()), e.orderId(), units.quantity()));
    }

    /**
     * Units a refund took out of what the order ships are available again, once (the receipt names the refund): held
     * no more by the order's open reservation, or back on hand if it was committed.
     */
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderLinesWithdrawn e) {
        for (WithdrawnUnits units : e.units())
            if (productLines(lines).stream().anyMatch(l -> l.itemId().equals(units.itemId())))
                send(new RestockReturn(new ProductId(units.itemId()), e.orderId(), RestockReturn.withdrawnBy(e.refundId()), units.quantity()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelled e) {
        for (Object step : CancellationSteps.of(e)) send(step); // the request sent them too, if it made the cancellation
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderDelivered e) {}

    /**
     * Refunds took every unit back before anything shipped: each withdrawal gave its units back already, and the
     * approval of the last released the coupon's redemption ({@code RefundedGoods}); nothing is left.
     */
    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderClosedByRefunds e) {}

    /**
     * Sends a step; "not found" (no inventory, reservation, coupon or wallet holds anything for this order) and
     * "refund exceeds debit" (nothing was debited for it) mean there is nothing to do, and are logged. Another refusal
     * would be the same at every retry, and Axon parks no saga event as a dead letter: failing the event would hold
     * the saga's processor, and with it every order's fulfilment, on this one step for good. It is logged as an error
     * (logger {@code dev.stoa.command.ordering.OrderFulfilment}, "needs an operator") and the saga goes on with its
     * other steps. No answer (a timeout, an outage) fails the event: the processor retries it with back-off.
     */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (CommandExecutionException refused) {
            if (Refusals.is(refused, ErrorCode.NOT_FOUND_CODE) || Refusals.is(refused, ErrorCode.REFUND_EXCEEDS_DEBIT))
                log.warn("Order {}: nothing to do for {} ({})", orderId, command.getClass().getSimpleName(), refused.getMessage());
            else if (Refusals.any(refused))
                log.error("Order {}: {} was refused ({}: {}); skipped, the saga goes on: needs an operator", orderId,
                        command, Refusals.code(refused).orElse("?"), refused.getMessage());
            else throw refused;
        }
    }

    private static List<OrderLine> productLines(List<OrderLine> lines) {
        return lines == null ? List.of() : lines.stream().filter(l -> OrderLine.PRODUCT.equals(l.itemType())).toList();
    }

    /** For tests and logs: the order this saga follows. */
    OrderId orderId() { return orderId == null ? null : new OrderId(orderId); }

    UserId buyer() { return buyer == null ? null : new UserId(buyer); }
}
