package dev.stoa.api.ordering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when an order's payment hold ran out: a still pending order is cancelled with reason {@code expired}; else nothing. */
public record ExpireOrder(@TargetAggregateIdentifier OrderId orderId) {}
