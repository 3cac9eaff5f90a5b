package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A seller of a paid order closed their account (sent by the {@code closed-seller-orders} processor when
 * {@link dev.stoa.api.ordering.CancelOrderOfClosedSeller} left the order standing: it has other sellers' lines, shipped
 * something or holds a course): the units of the seller's physical lines that have not shipped and were not refunded
 * are refunded alone, by a refund request the platform makes and approves at once ({@link RefundRequested} then
 * {@link RefundApproved}, approved by the system, its reason {@link #REASON}), paid back where the order was paid and
 * taken out of the shipment as any approved request's. The rest of the order goes on. Nothing happens when the order is
 * not {@code confirmed}, when nothing of the seller's is left to ship, or when a card payment has less left to refund than
 * the request would (an admin's refunds outside requests took it): the order is then left for an admin. The request's id
 * is {@link #idFor} the order and seller, so the command sent again changes nothing. Answers the approval, or null.
 */
public record RefundUnitsOfClosedSeller(OrderId orderId, UserId sellerId) {
    /**
     * The request's reason, sealed with the buyer's key as every request's reason is; the buyer's mail of the refund
     * gives it as its why.
     */
    public static final String REASON = "the seller of these items closed their account before shipping them";

    /** Whether an approval is this command's: made by the system (staff approve every other). */
    public static boolean madeIt(RefundApproved approved) {
        return dev.stoa.api.platform.Actor.system().userId().equals(approved.approvedBy());
    }

    @TargetAggregateIdentifier
    public String orderRefundsId() { return OrderRefundsId.of(orderId); }

    public RefundRequestId refundId() { return idFor(orderId, sellerId); }

    /** The one refund request of a closed seller's units in an order. */
    public static RefundRequestId idFor(OrderId orderId, UserId sellerId) {
        return new RefundRequestId(UUID.nameUUIDFromBytes(("stoa-closed-seller-refund:" + orderId.value() + ":"
                + sellerId.value()).getBytes(StandardCharsets.UTF_8)).toString());
    }
}
