package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * The order was paid ({@code paidCents} of {@code currency}, by {@code paymentMethod}, as {@code paymentReference}).
 * {@code unitsHeldUntilShipped}: true since 2026-12-05, when the units of its physical products stay reserved (and on
 * hand) until they ship; null in events stored before, whose units all left {@code onHand} at payment (the
 * {@code order-stock-upgrade} processor has those not shipped yet held again: {@link HoldUnshippedUnits}).
 */
@Revision("1")
public record OrderConfirmed(OrderId orderId, String orderNumber, UserId buyer, String paymentMethod,
                             String paymentReference, long paidCents, String currency, Boolean unitsHeldUntilShipped) {

    /** A confirmation as the platform records it now: physical units held until they ship. */
    public OrderConfirmed(OrderId orderId, String orderNumber, UserId buyer, String paymentMethod, String paymentReference,
                          long paidCents, String currency) {
        this(orderId, orderNumber, buyer, paymentMethod, paymentReference, paidCents, currency, Boolean.TRUE);
    }

    /** Whether it was confirmed before paid physical units were held until shipping (their stock left at payment). */
    public boolean unitsLeftAtPayment() { return !Boolean.TRUE.equals(unitsHeldUntilShipped); }
}
