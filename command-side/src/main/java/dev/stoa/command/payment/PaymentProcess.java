package dev.stoa.command.payment;

import dev.stoa.api.ordering.CancelOrder;
import dev.stoa.api.ordering.ConfirmOrder;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.catalog.SellerAccounts;
import dev.stoa.command.ordering.PlacedOrders;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import java.util.List;
import dev.stoa.api.cart.UndoCartCheckout;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps orders and card payments in step (the payment saga; {@code OrderFulfilment} does the stock):
 * <ul>
 *   <li>{@code PaymentCaptured} → the order is confirmed with the payment as its reference (the order saga commits
 *       the stock of its digital products; physical ones stay reserved until they ship). Should the order be gone (expired, cancelled) or paid otherwise, the whole payment is refunded:
 *       never "paid but no order".</li>
 *   <li>{@code PaymentFailed}, {@code PaymentCanceled} → a still pending order is cancelled (reason
 *       {@code payment_failed}): its stock and coupon are released.</li>
 *   <li>{@code OrderCancelled} of a card order that was paid → what is left of its payment is refunded; of one not paid
 *       (expired, cancelled while pending) → its PaymentIntent is canceled at the gateway, so it can no longer be paid.</li>
 *   <li>{@code PaymentRefundRequested} → the gateway is asked for the refund under its own idempotency key, and its
 *       answer recorded; a refusal frees the amount again, an outage is retried (the event is parked and retried).</li>
 * </ul>
 * Every step is idempotent (commands named after the payment, refunds after their id), so a redelivered event changes
 * nothing more; it is never replayed, since it talks to the gateway.
 */
@Component
@ProcessingGroup(PaymentProcess.NAME)
@DisallowReplay
class PaymentProcess {
    static final String NAME = "payment-process";
    private static final Logger log = LoggerFactory.getLogger(PaymentProcess.class);
    private final Commands commands;
    private final PaymentGateway gateway;
    private final EventStore events;
    private final SellerAccounts sellers;

    PaymentProcess(Commands commands, PaymentGateway gateway, EventStore events, SellerAccounts sellers) {
        this.commands = commands;
        this.gateway = gateway;
        this.events = events;
        this.sellers = sellers;
    }

    @EventHandler
    void on(PaymentCaptured e) {
        var record = PaymentRecord.read(events, e.paymentId());
        long owed = record.map(PaymentRecord::amountCents).orElse(e.amountCents());
        String currency = record.map(PaymentRecord::currency).orElse(e.currency());
        if (e.amountCents() != owed || !currency.equalsIgnoreCase(e.currency())) {
            // not what the order costs (an intent changed at Stripe, a partial capture, another currency): it does not
            // pay the order; the money goes back, and the order, still pending, is cancelled, so the buyer may order again
            log.warn("Payment {} captured {} {} for order {}, which costs {} {}: refunding it", e.paymentId(), e.amountCents(),
                    e.currency(), e.orderId(), owed, currency);
            commands.send(new RequestRefund(e.paymentId(), "unconfirmed-" + e.paymentId().value(), null,
                    "the amount captured was not the order's", "system"));
            cancelPending(e.paymentId(), e.orderId());
            return;
        }
        if (sellers.anyClosed(sellersOf(e.orderId()))) {
            // a seller of the order closed their account while it waited for this payment: nobody will ship or teach
            // it, so it is not confirmed; the money goes back (before 2026-12-06, seventh session, the order was
            // confirmed and paid for nothing; found by a walkthrough)
            log.info("Payment {} captured for order {}, a seller of which closed their account meanwhile: refunding it",
                    e.paymentId(), e.orderId());
            commands.send(new CancelOrder(e.orderId(), CancelOrder.SELLER_CLOSED, Actor.system()));
            commands.send(new RequestRefund(e.paymentId(), "unconfirmed-" + e.paymentId().value(), null,
                    "a seller of the order closed their account before the payment arrived", "system"));
            return;
        }
        try {
            commands.send(new ConfirmOrder(e.orderId(), e.paymentId().value()));
        } catch (RuntimeException refused) {
            if (!Refusals.is(refused, ErrorCode.INVALID_TRANSITION) && !Refusals.is(refused, ErrorCode.NOT_FOUND_CODE)) throw refused;
            log.info("Payment {} captured for order {}, which cannot take it ({}): refunding it", e.paymentId(), e.orderId(),
                    refused.getMessage());
            commands.send(new RequestRefund(e.paymentId(), "unconfirmed-" + e.paymentId().value(), null,
                    "the order was no longer open when the payment arrived", "system"));
        }
    }

    /**
     * A decline cancels the still pending order, unless another card paid it: Stripe keeps a declined intent open, and a
     * second card may pay it before this step runs. So the intent is canceled at the gateway first (idempotency key
     * {@code cancel-<paymentId>}, as for any unpaid order gone): the gateway refuses to cancel an intent that succeeded,
     * and then the order is left to the capture, whose webhook may not have come yet; it confirms the order. Once the
     * intent is canceled, no card can pay it, and the order is cancelled. Before, only a capture already recorded kept
     * the order: a success whose webhook came after the decline was handled found it cancelled, and was refunded.
     */
    @EventHandler
    void on(PaymentFailed e) {
        PaymentRecord payment = PaymentRecord.read(events, e.paymentId()).orElse(null);
        if (payment != null && payment.capturedCents() > 0) {
            log.info("Payment {} was declined, then captured: order {} is left to the capture", e.paymentId(), e.orderId());
            return;
        }
        if (payment != null && payment.intentId() != null) {
            try {
                // a key of its own: a refusal Stripe keeps under it must not answer the order's later cancel-<paymentId>
                gateway.cancelIntent(payment.intentId(), e.paymentId(), "cancel-declined-" + e.paymentId().value());
            } catch (PaymentGateway.Refused refused) {
                String status = gateway.retrieveIntent(payment.intentId()).status();
                if (PAID_OR_PAYING.contains(status)) {
                    log.info("Payment {} was declined, but its intent is {} (another card paid it): order {} is left to "
                            + "the capture", e.paymentId(), status, e.orderId());
                    return;
                }
                log.info("Payment {} was declined and its intent ({}) would not be canceled ({}): order {} is cancelled",
                        e.paymentId(), status, refused.getMessage(), e.orderId());
            }
        }
        if (cancelPending(e.paymentId(), e.orderId())) cartBack(e.orderId());
    }

    /**
     * A declined card's order goes back into its buyer's cart, as a refusal at the checkout itself puts it back: the
     * buyer tries another card without filling the cart again (before 2026-12-07 the cart stayed empty; walkthrough
     * Z12). Lines added since are kept, quantities add up, the coupon comes back unless the cart has one; an order not
     * checked out from a cart (a course bought from its page) has none to go back to.
     */
    private void cartBack(dev.stoa.api.ordering.OrderId orderId) {
        PlacedOrders.of(events, orderId).ifPresent(placed -> {
            try {
                commands.send(new UndoCartCheckout(placed.buyer(), orderId));
            } catch (org.axonframework.commandhandling.CommandExecutionException e) {
                if (!dev.stoa.command.platform.Refusals.is(e, dev.stoa.api.platform.ErrorCode.NOT_FOUND_CODE)) throw e;
            }
        });
    }

    /** The vendors and instructors of the order's lines. */
    private List<String> sellersOf(dev.stoa.api.ordering.OrderId orderId) {
        return PlacedOrders.of(events, orderId).map(p -> p.lines().stream().map(l -> l.vendorId().value()).distinct().toList())
                .orElse(List.of());
    }

    /** An intent's states in which a card paid it, or is paying it: its capture (or decline) is still to come. */
    private static final java.util.Set<String> PAID_OR_PAYING = java.util.Set.of("succeeded", "processing", "requires_capture");

    @EventHandler
    void on(PaymentCanceled e) { cancelPending(e.paymentId(), e.orderId()); }

    /** Cancels the payment's order if it is still pending; whether it did. */
    private boolean cancelPending(PaymentId paymentId, dev.stoa.api.ordering.OrderId orderId) {
        boolean pending = OrderRecord.read(events, orderId).map(OrderRecord::pending).orElse(false);
        if (pending) commands.send(new CancelOrder(orderId, CancelOrder.PAYMENT_FAILED, Actor.system()));
        else log.info("Payment {} failed; order {} is not pending, nothing to cancel", paymentId, orderId);
        return pending;
    }

    @EventHandler
    void on(OrderCancelled e) {
        if (!PlaceOrder.CARD.equals(e.paymentMethod())) return;
        if (e.paidCents() <= 0) {
            cancelIntent(e);
            return;
        }
        if (e.paymentReference() == null) return;
        PaymentId payment;
        try {
            payment = new PaymentId(e.paymentReference());
        } catch (IllegalArgumentException notOurs) {
            return;
        }
        commands.send(new RequestRefund(payment, "cancelled-" + e.orderId().value(), null, "the order was cancelled", "system"));
    }

    /**
     * An unpaid card order is gone (its hold ran out, its card was declined, the buyer or an admin cancelled it): its
     * PaymentIntent is canceled at the gateway (idempotency key {@code cancel-<paymentId>}), so the buyer can no longer
     * pay it, and the payment records it canceled. A declined intent too: Stripe keeps it open for another card, which
     * would charge the buyer for an order that no longer exists. An intent that succeeded meanwhile cannot be
     * canceled: its success arrives and is refunded.
     */
    private void cancelIntent(OrderCancelled e) {
        PaymentId paymentId = PaymentId.ofOrder(e.orderId());
        PaymentRecord payment = PaymentRecord.read(events, paymentId).orElse(null);
        if (payment == null) return; // never started
        if (!PaymentStatus.PENDING.equals(payment.status()) && !PaymentStatus.FAILED.equals(payment.status())) return; // decided
        try {
            gateway.cancelIntent(payment.intentId(), paymentId);
        } catch (PaymentGateway.Refused refused) {
            log.info("Payment {} of cancelled order {}: the gateway would not cancel its intent ({}); a success will be refunded",
                    paymentId, e.orderId(), refused.getMessage());
            return;
        }
        commands.send(new CancelPayment(paymentId, CANCEL_EVENT_PREFIX + paymentId.value(), CancelOrder.EXPIRED.equals(e.reason()) ? "order_expired" : "order_cancelled"));
    }

    /** The "gateway event" id under which Stoa's own cancellation of an intent is recorded (once per payment). */
    static final String CANCEL_EVENT_PREFIX = "stoa-cancel-";

    /**
     * Asks the gateway for the refund, unless its outcome is recorded already: a redelivered or retried event (a dead
     * letter retried after Stripe's webhook decided the refund) must not call the gateway again, since Stripe keeps an
     * idempotency key only 24 hours and would then refund a second time.
     */
    @EventHandler
    void on(PaymentRefundRequested e) {
        List<Object> history = PaymentRecord.history(events, e.paymentId());
        if (decided(history, e.refundId())) {
            log.info("Refund {} of payment {}: its outcome is recorded already; the gateway is not asked again",
                    e.refundId(), e.paymentId());
            return;
        }
        PaymentRecord payment = PaymentRecord.of(history).orElseThrow();
        PaymentGateway.Refund refund;
        try {
            refund = gateway.refund(payment.intentId(), e.paymentId(), e.refundId(), e.amountCents());
        } catch (PaymentGateway.Refused refused) {
            log.warn("Refund {} of payment {} refused by the gateway: {}", e.refundId(), e.paymentId(), refused.getMessage());
            commands.send(new RecordRefund(e.paymentId(), e.refundId(), null, e.amountCents(), "failed", null, refused.getMessage()));
            return;
        }
        commands.send(new RecordRefund(e.paymentId(), e.refundId(), refund.id(), e.amountCents(), refund.status(), null,
                refund.failureReason()));
    }

    /**
     * A refund that failed, or was sent back after it succeeded, and that no refund request stands for (the refund of a
     * cancelled order or of a payment no order took, an admin's refund of the payment): nothing retries it, so it is
     * logged for an operator, who refunds the amount again (an admin's {@code POST /api/v1/payments/{id}/refund}). A
     * refund request's own failure reads {@code failed} in the staff's list of requests, with its retry.
     */
    @EventHandler
    void on(PaymentRefundFailed e) {
        if (!e.refundId().startsWith(RefundProcess.PREFIX))
            log.error("Payment {} (order {}): refund {} of {} cents failed ({}); nothing retries it: needs an operator",
                    e.paymentId(), e.orderId(), e.refundId(), e.amountCents(), e.reason());
    }

    @EventHandler
    void on(PaymentRefundReversed e) {
        if (!e.refundId().startsWith(RefundProcess.PREFIX))
            log.error("Payment {} (order {}): refund {} of {} {} was sent back by the bank ({}); nothing retries it: needs an "
                    + "operator", e.paymentId(), e.orderId(), e.refundId(), e.amountCents(), e.currency(), e.reason());
    }

    /** Whether the payment's events hold the gateway's word on this refund (succeeded, failed, or reversed). */
    private static boolean decided(List<Object> history, String refundId) {
        return history.stream().anyMatch(p -> p instanceof PaymentRefunded r && refundId.equals(r.refundId())
                        || p instanceof PaymentRefundFailed f && refundId.equals(f.refundId())
                        || p instanceof PaymentRefundReversed v && refundId.equals(v.refundId()));
    }
}
