package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the checkout (and its recovery) before it gives back what a checkout took without placing its order: marks
 * the order id as never to be placed ({@link CheckoutAbandoned}), so a {@link PlaceOrder} of it still under way is
 * refused and the stock released now can never be sold twice. Refused with 409 {@code invalid_transition} when the
 * order was placed after all (its hold and saga then own what it took); a repeat changes nothing. {@code reason}: the
 * problem code the checkout stopped at, or {@code unanswered} (a step got no answer) or {@code recovered} (its request
 * died and {@code CheckoutAttempts} undid it).
 */
public record AbandonCheckout(@TargetAggregateIdentifier OrderId orderId, UserId buyer, String reason) {}
