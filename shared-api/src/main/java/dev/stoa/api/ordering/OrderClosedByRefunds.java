package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * Refund requests took every unit of every line out of a paid order before anything of it shipped (the last one,
 * {@code refundId}, in its {@link OrderLinesWithdrawn}): nothing is left to ship or to keep, and the order ends,
 * confirmed → cancelled, final. Not an {@link OrderCancelled}: the requests give the money back (each its own amount,
 * already under way), so nothing is refunded, released or mailed for the order itself; its reservations were reduced
 * by each withdrawal. An order with a line kept (a course, a product that ships beside others and comes back by a
 * return, units left) never gets it.
 */
@Revision("1")
public record OrderClosedByRefunds(OrderId orderId, String orderNumber, UserId buyer, String refundId)
        implements OrderEndedCancelled {}
