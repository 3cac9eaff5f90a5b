package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The platform's answer to a seller (vendor or instructor, {@code sellerId}) closing their account, for one order with
 * a line of theirs (sent by the {@code closed-seller-orders} processor): the order is cancelled, reason
 * {@link CancelOrder#SELLER_CLOSED}, when it still waits for its payment, or when it is paid ({@code confirmed}),
 * nothing of it has shipped, units of the seller's physical lines are still to ship, it holds no course (a course is
 * granted at payment) and no other seller's units are left in it. The cancellation refunds a paid order whole, as any
 * cancellation does. In every other case it changes nothing, as it does on a cancelled order: sent again, it is
 * harmless; a paid order left standing has the seller's units still to ship refunded alone
 * ({@link dev.stoa.api.payment.RefundUnitsOfClosedSeller}, since 2026-12-07: before, an order with another seller's
 * lines was cancelled and refunded whole, and one that had shipped anything or held a course was left for an admin).
 * Answers the cancellation, or null.
 */
public record CancelOrderOfClosedSeller(@TargetAggregateIdentifier OrderId orderId, UserId sellerId) {}
