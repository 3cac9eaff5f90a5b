package dev.stoa.command.ordering;

import dev.stoa.api.cart.ReleaseCouponRedemption;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.ReleaseStockReservation;
import dev.stoa.api.inventory.ReturnCommittedStock;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.wallet.RefundRestToWallet;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cancellation gives back, as commands: the units held or committed for the order, the coupon's redemption,
 * what is left of a wallet's debit. Sent by the cancellation's request, so that its answer (and its
 * {@code X-Stoa-Position}) covers them, and by the order's saga ({@link OrderFulfilment}) for a cancellation no
 * request makes (an expired hold, a deactivated buyer) and as the safety net of one whose request died. Each is
 * idempotent: whichever copy comes first does the work.
 */
final class CancellationSteps {
    private CancellationSteps() {}

    static List<Object> of(OrderCancelled e) {
        List<Object> steps = new ArrayList<>();
        boolean wasPending = OrderStatus.PENDING.value().equals(e.previousStatus());
        boolean shipped = OrderStatus.SHIPPED.value().equals(e.previousStatus());
        for (OrderLine line : e.lines() == null ? List.<OrderLine>of() : e.lines()) {
            if (!OrderLine.PRODUCT.equals(line.itemType())) continue;
            ProductId product = new ProductId(line.itemId());
            if (wasPending) steps.add(new ReleaseStockReservation(product, e.orderId()));
            // units that left (the whole order shipped, or this line of a partly shipped one) come back by a return
            // (less those a refund withdrew before: they are back on hand already); a digital product's never leave,
            // so they come back whatever shipped (before 2026-12-06, fifth session, a shipped order's stayed sold), sent
            // with the order's last parcel too (since 2026-12-07: a shipped order's digital line is sent)
            else if ((!line.physical() || !shipped && !e.shipped(line)) && e.unitsKept(line) > 0)
                steps.add(new ReturnCommittedStock(product, e.orderId(), e.unitsKept(line)));
        }
        // the coupon's use comes back whatever the order had reached: a paid order is refunded whole when cancelled
        // (before 2026-12-06, seventh session, only an unpaid one's came back)
        if (e.couponCode() != null) steps.add(new ReleaseCouponRedemption(e.couponCode(), e.orderId()));
        if (e.paidCents() > 0 && PlaceOrder.WALLET.equals(e.paymentMethod()))
            // what is left of the debit: refund requests may have given some of it back already
            steps.add(new RefundRestToWallet(e.buyer(), e.orderId(), "cancelled-" + e.orderId().value(), e.currency()));
        return steps;
    }
}
