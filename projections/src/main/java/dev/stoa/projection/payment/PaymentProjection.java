package dev.stoa.projection.payment;

import dev.stoa.api.identity.UserErased;
import dev.stoa.api.payment.*;
import dev.stoa.api.platform.PersonalData;
import java.util.List;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code payment_view} and {@code payment_refund_view}: each payment's status and amounts as its events
 * decided them (captured, refunded in all), and its refunds (a failed one with the gateway's reason). A refund's reason
 * is opened with the buyer's key, and becomes [erased] with the buyer. Every write sets state, so a redelivered event
 * writes the same again.
 */
@Component
@ProcessingGroup(PaymentProjection.NAME)
public class PaymentProjection {
    public static final String NAME = "payment-read-model";
    private final PaymentViewRepository payments;
    private final PaymentRefundViewRepository refunds;
    private final PersonalData personal;

    public PaymentProjection(PaymentViewRepository payments, PaymentRefundViewRepository refunds, PersonalData personal) {
        this.payments = payments;
        this.refunds = refunds;
        this.personal = personal;
    }

    /** A refund's reason, sealed with the buyer's key in the events (older events: in clear, answered as they are). */
    private String reason(String buyerId, String sealed) {
        return sealed == null || buyerId == null ? sealed : personal.open(buyerId, sealed);
    }

    @EventHandler
    void on(PaymentStarted e, @Timestamp Instant at) {
        if (payments.existsById(e.paymentId().value())) return;
        payments.save(new PaymentEntity(e.paymentId().value(), e.orderId().value(), e.buyer().value(), e.amountCents(),
                e.currency(), e.gateway(), e.intentId(), at));
    }

    @EventHandler
    void on(PaymentCaptured e, @Timestamp Instant at) {
        payments.findById(e.paymentId().value()).ifPresent(p -> payments.save(p.captured(e.amountCents(), e.currency(), at)));
    }

    @EventHandler
    void on(PaymentFailed e, @Timestamp Instant at) {
        payments.findById(e.paymentId().value()).ifPresent(p -> payments.save(p.failed(PaymentStatus.FAILED, e.failureCode(), e.failureMessage(), at)));
    }

    @EventHandler
    void on(PaymentCanceled e, @Timestamp Instant at) {
        payments.findById(e.paymentId().value()).ifPresent(p -> payments.save(p.canceled(e.reason(), at)));
    }

    @EventHandler
    void on(PaymentRefundRequested e, @Timestamp Instant at) {
        var key = new PaymentRefundEntity.Key(e.paymentId().value(), e.refundId());
        if (refunds.existsById(key)) return;
        String buyer = payments.findById(e.paymentId().value()).map(PaymentEntity::getBuyerId).orElse(null);
        refunds.save(new PaymentRefundEntity(e.paymentId().value(), e.refundId(), e.amountCents(), reason(buyer, e.reason()),
                e.requestedBy(), at));
    }

    @EventHandler
    void on(PaymentRefunded e, @Timestamp Instant at) {
        var key = new PaymentRefundEntity.Key(e.paymentId().value(), e.refundId());
        PaymentRefundEntity refund = refunds.findById(key).orElseGet(() -> refunds.save(new PaymentRefundEntity(
                e.paymentId().value(), e.refundId(), e.amountCents(), reason(e.buyer().value(), e.reason()), null, at)));
        refunds.save(refund.settle("succeeded", e.gatewayRefundId(), at));
        payments.findById(e.paymentId().value()).ifPresent(p -> payments.save(p.refunded(e.refundedCents(), e.status(), at)));
    }

    @EventHandler
    void on(PaymentRefundFailed e, @Timestamp Instant at) {
        refunds.findById(new PaymentRefundEntity.Key(e.paymentId().value(), e.refundId()))
                .ifPresent(r -> refunds.save(r.failed(e.reason(), at)));
    }

    /** A refund that had succeeded failed after all: it reads failed, and the payment's total and status go back. */
    @EventHandler
    void on(PaymentRefundReversed e, @Timestamp Instant at) {
        refunds.findById(new PaymentRefundEntity.Key(e.paymentId().value(), e.refundId()))
                .ifPresent(r -> refunds.save(r.failed(e.reason(), at)));
        payments.findById(e.paymentId().value()).ifPresent(p -> payments.save(p.refunded(e.refundedCents(), e.status(), at)));
    }

    /** The buyer was erased: the reasons of their payments' refunds go (amounts and states stay). */
    @EventHandler
    void on(UserErased e) {
        List<String> theirs = payments.findByBuyerId(e.userId().value()).stream().map(PaymentEntity::getPaymentId).toList();
        if (!theirs.isEmpty()) refunds.findByPaymentIdInOrderByRequestedAt(theirs).forEach(r -> refunds.save(r.anonymised()));
    }

    @ResetHandler
    void reset() {
        refunds.deleteAllInBatch();
        payments.deleteAllInBatch();
    }
}
