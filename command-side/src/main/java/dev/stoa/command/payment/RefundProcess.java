package dev.stoa.command.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.CancelOrder;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.wallet.RefundToWallet;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pays an approved refund request back where the order was paid, by the one way each has:
 * <ul>
 *   <li>wallet → {@code RefundToWallet} under the reference {@code refund-request-<id>} (a retried attempt
 *       {@code refund-request-<id>-attempt-<n>}), then the request is paid; a wallet that refuses it (the order's
 *       cancellation gave back the rest of its debit first) closes the request if the order is cancelled (the
 *       cancellation paid it), else fails the attempt ({@code SettleRefundOvertakenByCancellation});</li>
 *   <li>card → the payment's own {@code RequestRefund} (refund id {@code refund-request-<id>}, the gateway's idempotency
 *       key; a retried attempt {@code refund-request-<id>-attempt-<n>}), so {@link PaymentProcess} calls the gateway;
 *       its {@code PaymentRefunded} marks the request paid (and {@link PaymentMails} tells the buyer), its
 *       {@code PaymentRefundFailed} marks it failed (admin or support may retry it).</li>
 * </ul>
 * An order cancelled while a refund request of it is open closes the request ({@code CloseRefundRequestOfCancelledOrder}):
 * the cancellation refunds what was paid.
 * Every step is idempotent under the request's id, so a redelivered event changes nothing more; never replayed.
 */
@Component
@ProcessingGroup(RefundProcess.NAME)
@DisallowReplay
class RefundProcess {
    static final String NAME = "refund-process";
    static final String PREFIX = "refund-request-";
    private static final Logger log = LoggerFactory.getLogger(RefundProcess.class);
    private final Commands commands;
    private final EventStore events;

    RefundProcess(Commands commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @EventHandler
    void on(OrderCancelled e) {
        // most orders never had a refund request, and so have no refunds aggregate to ask
        if (events.lastSequenceNumberFor(OrderRefundsId.of(e.orderId())).isEmpty()) return;
        commands.send(new CloseRefundRequestOfCancelledOrder(e.orderId(), e.orderNumber()));
    }

    /**
     * A request that read its order confirmed just before the order's cancellation committed, and committed after the
     * handler above looked for it: whichever of the two events comes second sees the other, so the request is closed
     * either way (the aggregate closes it only if the order is cancelled).
     */
    @EventHandler
    void on(RefundRequested e) {
        commands.send(new CloseRefundRequestOfCancelledOrder(e.orderId(), e.orderNumber()));
    }

    /**
     * The refunded courses are taken back before the money moves, here as in the approval's request: before
     * 2026-12-07 the money came first, and a student's progress posted in between was recorded on a course already
     * paid back, a certificate issued and then revoked (walkthrough). Each revocation is idempotent per order, and
     * {@code course-entitlements} revokes from the same event should one fail here; the refund is paid either way.
     */
    @EventHandler
    void on(RefundApproved e) {
        revokeCourses(commands, e);
        pay(e);
    }

    /** Sends the approval's course revocations; a failure is logged, and left to {@code course-entitlements}. */
    static void revokeCourses(Commands commands, RefundApproved e) {
        for (dev.stoa.api.learning.RevokeEnrollment revocation : dev.stoa.command.learning.CourseRevocations.of(e)) {
            try {
                commands.send(revocation);
            } catch (RuntimeException failed) {
                org.slf4j.LoggerFactory.getLogger(RefundProcess.class).info(
                        "Refund request {}: course {} is revoked by course-entitlements: {}", e.refundId(),
                        revocation.courseId(), failed.toString());
            }
        }
    }

    /**
     * Pays an approved request back: the approval's request does it too ({@code RefundCommandController}), so that its
     * answer shows the money back in the wallet, or the card refund under way on the payment; this process does it
     * again from {@code RefundApproved}, which finishes it when that request died after the approval. Idempotent under
     * the request's reference: whichever copy is first pays, the other changes nothing. A card refund asked for in the
     * approval's request also takes its share of the payment at once, so an admin's refund of the payment made a moment
     * later is refused as too much (before 2026-12-06, fifth session, only this process asked, and such a refund could
     * take what the approved request then failed to get, in 4 of 8 walkthrough races).
     */
    void pay(RefundApproved e) {
        String reference = PREFIX + e.refundId().value();
        if (e.totalCents() == 0) {
            commands.send(new MarkRefundPaid(e.orderId(), e.refundId(), null));
        } else if (PlaceOrder.WALLET.equals(e.paymentMethod())) {
            refundToWallet(e.orderId(), e.refundId(), e.buyer(), reference, e.totalCents(), e.currency());
        } else if (PlaceOrder.CARD.equals(e.paymentMethod())) {
            // the platform's refund of a closed seller's units says why (the buyer asked for none): its mail gives it
            refundToCard(e.orderId(), e.refundId(), e.paymentReference(), reference, e.totalCents(),
                    RefundUnitsOfClosedSeller.madeIt(e) ? RefundUnitsOfClosedSeller.REASON
                            : "refund request " + e.refundId().value() + " of order " + e.orderNumber(), e.approvedBy());
        } else {
            throw new IllegalStateException("refund " + e.refundId() + ": no way to pay back " + e.paymentMethod());
        }
    }

    @EventHandler
    void on(RefundRetried e) {
        if (PlaceOrder.WALLET.equals(e.paymentMethod())) {
            refundToWallet(e.orderId(), e.refundId(), e.buyer(), e.paymentRefundId(), e.amountCents(), e.currency());
            return;
        }
        refundToCard(e.orderId(), e.refundId(), e.paymentReference(), e.paymentRefundId(), e.amountCents(),
                "refund request " + e.refundId().value() + " of order " + e.orderNumber() + ", attempt " + e.attempt(), e.retriedBy());
    }

    /**
     * Gives the amount back to the wallet, then marks the request paid. A wallet that cannot give it (the order's debit
     * was given back otherwise meanwhile: the order was cancelled, and its cancellation refunded the rest) closes the
     * request when the order is cancelled, else fails the attempt, so the request does not stay approved and unpaid.
     */
    private void refundToWallet(OrderId orderId, RefundRequestId refundId, UserId buyer, String reference, long cents,
                                String currency) {
        try {
            commands.send(new RefundToWallet(buyer, orderId, reference, cents, currency));
        } catch (RuntimeException refused) {
            if (!Refusals.is(refused, ErrorCode.REFUND_EXCEEDS_DEBIT)) throw refused;
            log.warn("Refund request {}: the wallet refused the refund: {}", refundId, refused.getMessage());
            commands.send(new SettleRefundOvertakenByCancellation(orderId, refundId, reference,
                    "the wallet cannot give back " + cents + " cents more for this order: " + refused.getMessage()));
            return;
        }
        commands.send(new MarkRefundPaid(orderId, refundId, reference));
    }

    /**
     * Asks the payment for the refund; a payment that cannot give it (refunded otherwise meanwhile) closes the request
     * when the order's cancellation refunded it, else fails the attempt.
     */
    private void refundToCard(OrderId orderId, RefundRequestId refundId, String payment, String paymentRefundId, long cents,
                              String reason, String by) {
        try {
            commands.send(new RequestRefund(new PaymentId(payment), paymentRefundId, cents, reason, by));
        } catch (RuntimeException refused) {
            if (!Refusals.is(refused, ErrorCode.REFUND_EXCEEDS_CAPTURED) && !Refusals.is(refused, ErrorCode.INVALID_TRANSITION))
                throw refused;
            log.warn("Refund request {}: payment {} refused the refund: {}", refundId, payment, refused.getMessage());
            commands.send(new SettleRefundOvertakenByCancellation(orderId, refundId, paymentRefundId,
                    "the payment cannot refund " + cents + " cents: " + refused.getMessage()));
        }
    }

    @EventHandler
    void on(PaymentRefunded e) {
        requestOf(e.refundId()).ifPresent(id -> commands.send(new MarkRefundPaid(e.orderId(), id, e.gatewayRefundId())));
        // refunded whole: a failed request of the order has nothing left to pay (staff refunded the rest otherwise)
        if (PaymentStatus.REFUNDED.equals(e.status()) && e.orderId() != null
                && events.lastSequenceNumberFor(OrderRefundsId.of(e.orderId())).isPresent()) {
            log.info("Payment {} is refunded whole: the failed refund requests of order {} are closed", e.paymentId(),
                    e.orderId());
            commands.send(new CloseRefundsPaidOtherwise(e.orderId()));
        }
        // refunded whole before anything of its order shipped: nothing of the order is paid for any more, so it is
        // cancelled (its units back on sale, its coupon released); an order shipped, delivered or cancelled already
        // is left as it is (before 2026-12-06, seventh session, a confirmed one stayed confirmed; found by a walkthrough)
        if (PaymentStatus.REFUNDED.equals(e.status()) && e.orderId() != null)
            commands.send(new CancelOrder(e.orderId(), CancelOrder.PAYMENT_REFUNDED, Actor.system()));
    }

    @EventHandler
    void on(PaymentRefundFailed e) {
        requestOf(e.refundId()).ifPresent(id -> commands.send(new MarkRefundFailed(e.orderId(), id, e.refundId(), e.reason())));
    }

    /** A request's card refund that had succeeded failed after all: the request, refunded already, fails too. */
    @EventHandler
    void on(PaymentRefundReversed e) {
        requestOf(e.refundId()).ifPresent(id -> commands.send(new MarkRefundFailed(e.orderId(), id, e.refundId(), e.reason())));
    }

    /** The refund request a payment's refund pays ({@code refund-request-<id>[-attempt-<n>]}); empty for other refunds. */
    static Optional<RefundRequestId> requestOf(String paymentRefundId) {
        if (paymentRefundId == null || !paymentRefundId.startsWith(PREFIX) || paymentRefundId.length() < PREFIX.length() + 36)
            return Optional.empty();
        return Optional.of(new RefundRequestId(paymentRefundId.substring(PREFIX.length(), PREFIX.length() + 36)));
    }
}
