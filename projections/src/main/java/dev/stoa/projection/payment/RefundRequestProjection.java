package dev.stoa.projection.payment;

import dev.stoa.api.identity.UserErased;
import dev.stoa.api.platform.PersonalData;

import dev.stoa.api.payment.*;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code refund_request_view} from the refund request events. A row's status moves requested → approved →
 * refunded, or rejected, or closed (its order was cancelled while it was open); a failed card refund makes it failed and a retry approved again (each attempt counted, a late
 * word of an older attempt ignored). Returned units add up per parcel; the token commits with the rows (exactly once).
 */
@Component
@ProcessingGroup(RefundRequestProjection.NAME)
public class RefundRequestProjection {
    public static final String NAME = "refund-read-model";
    private final RefundRequestViewRepository requests;
    private final PersonalData personal;

    public RefundRequestProjection(RefundRequestViewRepository requests, PersonalData personal) {
        this.requests = requests;
        this.personal = personal;
    }

    @EventHandler
    void on(RefundRequested e, @Timestamp Instant at) {
        if (requests.existsById(e.refundId().value())) return;
        requests.save(new RefundRequestEntity(e.refundId().value(), e.orderId().value(), e.orderNumber(), e.buyer().value(),
                personal.open(e.buyer().value(), e.reason()), e.items(), e.currency(), e.paymentMethod(), at));
    }

    @EventHandler
    void on(RefundApproved e, @Timestamp Instant at) {
        requests.findById(e.refundId().value()).ifPresent(r -> requests.save(r.approved(e.lines(), e.itemsCents(),
                e.discountCents(), e.taxCents(), e.shippingCents(), e.totalCents(), e.paymentMethod(), e.approvedBy(), at)));
    }

    @EventHandler
    void on(RefundRejected e, @Timestamp Instant at) {
        requests.findById(e.refundId().value()).ifPresent(r -> requests.save(r.rejected(
                personal.open(e.buyer().value(), e.reason()), e.rejectedBy(), at)));
    }

    @EventHandler
    void on(RefundRequestClosed e, @Timestamp Instant at) {
        requests.findById(e.refundId().value()).ifPresent(r -> requests.save(r.closed(at)));
    }

    @EventHandler
    void on(ProductReturnOpened e) {
        requests.findById(e.refundId().value()).ifPresent(r -> requests.save(r.returnOpened()));
    }

    @EventHandler
    void on(RefundPaid e, @Timestamp Instant at) {
        requests.findById(e.refundId().value()).ifPresent(r -> requests.save(r.refunded(at)));
    }

    @EventHandler
    void on(RefundFailed e, @Timestamp Instant at) {
        requests.findById(e.refundId().value()).ifPresent(r -> requests.save(r.failed(e.attempt(), e.reason(), at)));
    }

    @EventHandler
    void on(RefundRetried e) {
        requests.findById(e.refundId().value()).ifPresent(r -> requests.save(r.retried(e.attempt())));
    }

    @EventHandler
    void on(ProductReturnReceived e, @Timestamp Instant at) {
        requests.findById(e.refundId().value()).ifPresent(r -> requests.save(r.returnReceived(e.items(), e.complete(), at)));
    }

    @EventHandler
    void on(UserErased e) { requests.findByBuyerId(e.userId().value()).forEach(r -> requests.save(r.anonymised())); }

    @ResetHandler
    void reset() { requests.deleteAllInBatch(); }
}
