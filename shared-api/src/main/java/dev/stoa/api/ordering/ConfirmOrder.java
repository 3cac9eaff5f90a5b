package dev.stoa.api.ordering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The order was paid in full (sent by the checkout saga after the wallet debit or the card payment succeeded):
 * pending → confirmed. {@code paymentReference} names the payment (wallet debit or payment id). Confirming a
 * confirmed order again changes nothing; a cancelled one is 409 {@code invalid_transition}.
 */
public record ConfirmOrder(@TargetAggregateIdentifier OrderId orderId, String paymentReference) {}
