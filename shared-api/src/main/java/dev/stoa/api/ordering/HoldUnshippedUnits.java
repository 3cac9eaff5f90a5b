package dev.stoa.api.ordering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The upgrade of an order confirmed before 2026-12-05, whose units left {@code onHand} at payment: the units of its
 * physical product lines not shipped yet (less those refunds withdrew) are held for it again, reserved and on hand,
 * until they ship ({@link UnshippedUnitsHeld}). Only for such an order while it is {@code confirmed}, and once; for
 * any other it changes nothing. Sent by the {@code order-stock-upgrade} processor, no caller of its own.
 */
public record HoldUnshippedUnits(@TargetAggregateIdentifier OrderId orderId) {}
