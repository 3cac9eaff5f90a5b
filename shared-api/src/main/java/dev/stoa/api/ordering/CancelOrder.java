package dev.stoa.api.ordering;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel an order: its buyer while it is pending or confirmed, an admin also once shipped; the platform
 * ({@link Actor#system()}) only while it is pending (an order paid since it looked changes nothing). Delivered orders
 * are 409 {@code invalid_transition}; cancelling a cancelled order changes nothing.
 * {@code reason} is free text, at most 500 characters (default {@code cancelled by the buyer} / {@code by an admin}).
 */
public record CancelOrder(@TargetAggregateIdentifier OrderId orderId, String reason, Actor actor) {
    public static final String EXPIRED = "expired";
    public static final String USER_DEACTIVATED = "user_deactivated";
    /** The reason the read model shows for an order whose every unit refund requests took back ({@link OrderClosedByRefunds}). */
    public static final String REFUNDED = "refunded";
    /** The reason the payment saga gives when the card payment failed or was canceled. */
    public static final String PAYMENT_FAILED = "payment_failed";

    /**
     * Whether {@code reason} is one the platform gives itself ({@link #EXPIRED}, {@link #USER_DEACTIVATED},
     * {@link #REFUNDED}): not the buyer's or staff's words, so stored in clear, never sealed with the buyer's key.
     */
    public static boolean fixedReason(String reason) {
        return EXPIRED.equals(reason) || USER_DEACTIVATED.equals(reason) || REFUNDED.equals(reason);
    }
}
