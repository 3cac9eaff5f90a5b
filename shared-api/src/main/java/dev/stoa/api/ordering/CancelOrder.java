package dev.stoa.api.ordering;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel an order: its buyer while it is pending or confirmed, an admin also once shipped; the platform
 * ({@link Actor#system()}) only while it is pending (an order paid since it looked changes nothing). Delivered orders
 * are 409 {@code invalid_transition}; cancelling a cancelled order changes nothing.
 * {@code reason} is free text, at most 500 characters (default {@code cancelled by the buyer} / {@code by an admin}).
 * <p>
 * It completes the write whose event a processor sends it about ({@link CompletesItsWrite}): a card declined by the
 * sandbox's confirmation (or a webhook) cancels the order in {@code payment-process}, and the confirmation's answer now
 * waits for the cancellation's read models, as a capture's waits for the confirmation's (before 2026-12-06, fifth
 * session, the next read showed the order pending and its stock held; found by a walkthrough); so does a
 * deactivation's for the pending orders it cancels.
 */
public record CancelOrder(@TargetAggregateIdentifier OrderId orderId, String reason, Actor actor) implements CompletesItsWrite {
    public static final String EXPIRED = "expired";
    public static final String USER_DEACTIVATED = "user_deactivated";
    /** The reason the read model shows for an order whose every unit refund requests took back ({@link OrderClosedByRefunds}). */
    public static final String REFUNDED = "refunded";
    /** The reason the payment saga gives when the card payment failed or was canceled. */
    public static final String PAYMENT_FAILED = "payment_failed";
    /**
     * The reason the platform gives when a paid order's card payment was refunded whole outside refund requests (an
     * admin's refund of the payment, one in Stripe's dashboard) before anything of it shipped: the only cancellation
     * the platform makes of a paid order.
     */
    public static final String PAYMENT_REFUNDED = "payment_refunded";
    /** The reason the payment saga gives when a seller of the order closed their account before its payment arrived. */
    public static final String SELLER_CLOSED = "seller_closed";

    /**
     * Whether {@code reason} is one the platform gives itself ({@link #EXPIRED}, {@link #USER_DEACTIVATED},
     * {@link #REFUNDED}, {@link #PAYMENT_REFUNDED}, {@link #SELLER_CLOSED}): not the buyer's or staff's words, so stored in clear, never sealed
     * with the buyer's key.
     */
    public static boolean fixedReason(String reason) {
        return EXPIRED.equals(reason) || USER_DEACTIVATED.equals(reason) || REFUNDED.equals(reason)
                || PAYMENT_REFUNDED.equals(reason) || SELLER_CLOSED.equals(reason);
    }
}
