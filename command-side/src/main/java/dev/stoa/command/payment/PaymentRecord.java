package dev.stoa.command.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.*;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A payment as its events tell it, read from the event store (the command side sees no read model): for the owner's
 * GET, the sandbox's confirmation and the refunds the payment process sends to the gateway.
 */
record PaymentRecord(PaymentId paymentId, OrderId orderId, UserId buyer, long amountCents, String currency, String gateway,
                     String intentId, String status, long capturedCents, long refundedCents, String failureCode,
                     String failureMessage) {

    static Optional<PaymentRecord> read(EventStore events, PaymentId paymentId) { return of(history(events, paymentId)); }

    /** The payloads of the payment's events, in order. */
    static List<Object> history(EventStore events, PaymentId paymentId) {
        return events.readEvents(paymentId.value()).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    /** The amount of the refunds asked for and not decided yet (neither succeeded nor failed nor sent back). */
    static long underWay(List<Object> history) {
        Map<String, Long> open = new HashMap<>();
        for (Object p : history) {
            if (p instanceof PaymentRefundRequested r) open.put(r.refundId(), r.amountCents());
            else if (p instanceof PaymentRefunded r) open.remove(r.refundId());
            else if (p instanceof PaymentRefundFailed r) open.remove(r.refundId());
            else if (p instanceof PaymentRefundReversed r) open.remove(r.refundId());
        }
        return open.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The ids of every refund the payment was asked for or told of (its own and those made at the gateway). */
    static Set<String> refundIds(List<Object> history) {
        Set<String> ids = new HashSet<>();
        for (Object p : history) {
            if (p instanceof PaymentRefundRequested r) ids.add(r.refundId());
            else if (p instanceof PaymentRefunded r) ids.add(r.refundId());
            else if (p instanceof PaymentRefundFailed r) ids.add(r.refundId());
        }
        return ids;
    }

    /** The payment those payloads tell of; empty before its {@code PaymentStarted}. */
    static Optional<PaymentRecord> of(List<Object> history) {
        PaymentRecord r = null;
        for (Object p : history)
            r = r == null ? (p instanceof PaymentStarted s ? new PaymentRecord(s.paymentId(), s.orderId(), s.buyer(),
                    s.amountCents(), s.currency(), s.gateway(), s.intentId(), PaymentStatus.PENDING, 0, 0, null, null) : null)
                    : r.with(p);
        return Optional.ofNullable(r);
    }

    /**
     * The status a client sees (API.md's {@code pending|captured|failed|refunded|partially_refunded}, and
     * {@code canceled} for an unpaid order's): a declined payment reads {@code failed} also once its intent is canceled
     * with its order (Stripe keeps a declined intent open for another card, so the platform cancels it).
     */
    String shownStatus() {
        return PaymentStatus.CANCELED.equals(status) && failureCode != null ? PaymentStatus.FAILED : status;
    }

    private PaymentRecord with(Object event) {
        return switch (event) {
            case PaymentCaptured e -> new PaymentRecord(paymentId, orderId, buyer, amountCents, currency, gateway, intentId,
                    PaymentStatus.CAPTURED, e.amountCents(), refundedCents, null, null);
            case PaymentFailed e -> new PaymentRecord(paymentId, orderId, buyer, amountCents, currency, gateway, intentId,
                    PaymentStatus.FAILED, capturedCents, refundedCents, e.failureCode(), e.failureMessage());
            case PaymentCanceled e -> new PaymentRecord(paymentId, orderId, buyer, amountCents, currency, gateway, intentId,
                    PaymentStatus.CANCELED, capturedCents, refundedCents, failureCode, failureMessage);
            case PaymentRefunded e -> new PaymentRecord(paymentId, orderId, buyer, amountCents, currency, gateway, intentId,
                    e.status(), capturedCents, e.refundedCents(), failureCode, failureMessage);
            case PaymentRefundReversed e -> new PaymentRecord(paymentId, orderId, buyer, amountCents, currency, gateway,
                    intentId, e.status(), capturedCents, e.refundedCents(), failureCode, failureMessage);
            default -> this;
        };
    }
}
