package dev.stoa.api.ordering;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the delivery of shipped lines: a vendor's own, or (admin) every shipped line. The order becomes
 * {@code delivered} once all the lines it ships are. Lines not shipped yet cannot be delivered (409).
 */
public record MarkOrderDelivered(@TargetAggregateIdentifier OrderId orderId, Actor actor) {}
