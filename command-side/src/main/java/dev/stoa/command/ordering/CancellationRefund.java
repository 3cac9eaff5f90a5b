package dev.stoa.command.ordering;

import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.payment.PaymentRefundFailed;
import dev.stoa.api.payment.PaymentRefundRequested;
import dev.stoa.api.payment.PaymentRefundReversed;
import dev.stoa.api.payment.PaymentRefunded;
import dev.stoa.api.payment.PaymentCaptured;
import dev.stoa.api.wallet.WalletDebited;
import dev.stoa.api.wallet.WalletId;
import dev.stoa.api.wallet.WalletRefunded;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What an order's cancellation gives back, for its mail: what was paid, less what refund requests and staff refunds
 * gave back (or are giving back) before it. Both refunds of a cancellation carry its reference ({@code cancelled-<orderId>}:
 * the wallet's {@code RefundRestToWallet}, the card payment's {@code RequestRefund}); once it is recorded, its amount
 * is the answer, otherwise the rest as the wallet or the payment tells it now.
 */
final class CancellationRefund {
    private CancellationRefund() {}

    static long cents(EventStore events, OrderCancelled e) {
        if (e.paidCents() <= 0) return 0;
        String own = "cancelled-" + e.orderId().value();
        if (PlaceOrder.WALLET.equals(e.paymentMethod())) return wallet(events, e, own);
        if (PlaceOrder.CARD.equals(e.paymentMethod()) && e.paymentReference() != null) {
            PaymentId payment;
            try {
                payment = new PaymentId(e.paymentReference());
            } catch (IllegalArgumentException notACardPayment) {
                return e.paidCents();
            }
            return card(events, payment, own);
        }
        return e.paidCents();
    }

    private static long wallet(EventStore events, OrderCancelled e, String own) {
        long debited = 0, refunded = 0;
        // from the first event: the wallet is snapshotted, and a snapshot holds no order's debits as events
        for (Object p : events.readEvents(WalletId.of(e.buyer()), 0).asStream().map(m -> (Object) m.getPayload()).toList()) {
            if (p instanceof WalletDebited d && d.orderId().equals(e.orderId())) debited += d.amountCents();
            else if (p instanceof WalletRefunded r && r.orderId().equals(e.orderId())) {
                if (own.equals(r.refundReference())) return r.amountCents();
                refunded += r.amountCents();
            }
        }
        return Math.max(0, debited - refunded);
    }

    private static long card(EventStore events, PaymentId payment, String own) {
        long captured = 0, refunded = 0;
        Map<String, Long> underWay = new HashMap<>();
        for (Object p : events.readEvents(payment.value()).asStream().map(m -> (Object) m.getPayload()).toList()) {
            switch (p) {
                case PaymentCaptured c -> captured = c.amountCents();
                case PaymentRefundRequested r -> {
                    if (own.equals(r.refundId())) return r.amountCents();
                    underWay.put(r.refundId(), r.amountCents());
                }
                case PaymentRefunded r -> {
                    underWay.remove(r.refundId());
                    refunded = r.refundedCents();
                }
                case PaymentRefundFailed f -> underWay.remove(f.refundId());
                case PaymentRefundReversed r -> refunded = r.refundedCents();
                default -> { }
            }
        }
        return Math.max(0, captured - refunded - underWay.values().stream().mapToLong(Long::longValue).sum());
    }
}
