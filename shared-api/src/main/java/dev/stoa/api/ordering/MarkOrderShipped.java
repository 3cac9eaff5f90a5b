package dev.stoa.api.ordering;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a shipment of a confirmed order with its tracking number: a vendor ships their own lines, an admin every line
 * not shipped yet. The order becomes {@code shipped} once all its physical lines are (an order without physical lines:
 * all its lines). A vendor with no line in the order gets 404; shipping what is shipped already changes nothing.
 */
public record MarkOrderShipped(@TargetAggregateIdentifier OrderId orderId, String trackingNumber, Actor actor) {}
