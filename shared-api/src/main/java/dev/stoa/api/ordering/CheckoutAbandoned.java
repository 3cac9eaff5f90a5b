package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * A checkout of {@code buyer} stopped before it placed order {@code orderId}, and gave back what it took: the id is
 * never an order (a {@link PlaceOrder} of it is refused). {@code reason}: the problem code the checkout stopped at,
 * {@code unanswered} or {@code recovered} (see {@link AbandonCheckout}).
 */
@Revision("1")
public record CheckoutAbandoned(OrderId orderId, UserId buyer, String reason) {}
