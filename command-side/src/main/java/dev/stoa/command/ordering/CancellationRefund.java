package dev.stoa.command.ordering;

import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.OrderRefundsId;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.payment.RefundApproved;
import dev.stoa.api.payment.RefundFailed;
import dev.stoa.api.payment.RefundPaid;
import dev.stoa.api.payment.RefundRequestClosed;
import dev.stoa.api.payment.RefundRetried;
import dev.stoa.api.payment.PaymentRefundFailed;
import dev.stoa.api.payment.PaymentRefundRequested;
import dev.stoa.api.payment.PaymentRefundReversed;
import dev.stoa.api.payment.PaymentRefunded;
import dev.stoa.api.payment.PaymentCaptured;
import dev.stoa.api.wallet.WalletDebited;
import dev.stoa.api.wallet.WalletId;
import dev.stoa.api.wallet.WalletRefunded;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What an order's cancellation gives back, for its mail: what was paid, less what refund requests and staff refunds
 * gave back (or are giving back) before it. Both refunds of a cancellation carry its reference ({@code cancelled-<orderId>}:
 * the wallet's {@code RefundRestToWallet}, the card payment's {@code RequestRefund}); once it is recorded, its amount
 * is the answer, otherwise the rest as the wallet or the payment tells it now; unless a refund request of the order
 * is approved and not paid yet: then which of the two reaches the money first decides the rest, and it is not known
 * ({@link #NOT_KNOWN_YET}; before 2026-12-06, fourth session, the whole payment was promised, beside that request's
 * own refund).
 */
final class CancellationRefund {
    private CancellationRefund() {}

    /** What {@link #cents} answers while the rest depends on a refund request's refund still on its way. */
    static final long NOT_KNOWN_YET = -1;

    static long cents(EventStore events, OrderCancelled e) {
        if (e.paidCents() <= 0) return 0;
        String own = "cancelled-" + e.orderId().value();
        Rest rest;
        if (PlaceOrder.WALLET.equals(e.paymentMethod())) {
            rest = wallet(events, e, own);
        } else if (PlaceOrder.CARD.equals(e.paymentMethod()) && e.paymentReference() != null) {
            PaymentId payment;
            try {
                payment = new PaymentId(e.paymentReference());
            } catch (IllegalArgumentException notACardPayment) {
                return e.paidCents();
            }
            rest = card(events, payment, own);
        } else {
            return e.paidCents();
        }
        return rest.recorded() || !approvedAndUnpaid(events, e.orderId()) ? rest.cents() : NOT_KNOWN_YET;
    }

    /** The rest, and whether it is the cancellation's own refund as recorded (else the rest as things stand now). */
    private record Rest(long cents, boolean recorded) {}

    /** Whether a refund request of the order was approved and its refund neither paid, failed nor closed yet. */
    private static boolean approvedAndUnpaid(EventStore events, OrderId orderId) {
        Set<String> open = new HashSet<>();
        for (Object p : events.readEvents(OrderRefundsId.of(orderId), 0).asStream().map(m -> (Object) m.getPayload()).toList()) {
            switch (p) {
                case RefundApproved a -> open.add(a.refundId().value());
                case RefundRetried r -> open.add(r.refundId().value());
                case RefundPaid r -> open.remove(r.refundId().value());
                case RefundFailed f -> open.remove(f.refundId().value());
                case RefundRequestClosed c -> open.remove(c.refundId().value());
                default -> { }
            }
        }
        return !open.isEmpty();
    }

    private static Rest wallet(EventStore events, OrderCancelled e, String own) {
        long debited = 0, refunded = 0;
        // from the first event: the wallet is snapshotted, and a snapshot holds no order's debits as events
        for (Object p : events.readEvents(WalletId.of(e.buyer()), 0).asStream().map(m -> (Object) m.getPayload()).toList()) {
            if (p instanceof WalletDebited d && d.orderId().equals(e.orderId())) debited += d.amountCents();
            else if (p instanceof WalletRefunded r && r.orderId().equals(e.orderId())) {
                if (own.equals(r.refundReference())) return new Rest(r.amountCents(), true);
                refunded += r.amountCents();
            }
        }
        return new Rest(Math.max(0, debited - refunded), false);
    }

    private static Rest card(EventStore events, PaymentId payment, String own) {
        long captured = 0, refunded = 0;
        Map<String, Long> underWay = new HashMap<>();
        for (Object p : events.readEvents(payment.value()).asStream().map(m -> (Object) m.getPayload()).toList()) {
            switch (p) {
                case PaymentCaptured c -> captured = c.amountCents();
                case PaymentRefundRequested r -> {
                    if (own.equals(r.refundId())) return new Rest(r.amountCents(), true);
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
        return new Rest(Math.max(0, captured - refunded - underWay.values().stream().mapToLong(Long::longValue).sum()), false);
    }
}
