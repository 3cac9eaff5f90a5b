package dev.stoa.api.ordering;

import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The order was paid in full (sent by the checkout saga after the wallet debit or the card payment succeeded):
 * pending → confirmed. {@code paymentReference} names the payment (wallet debit or payment id). Confirming a
 * confirmed order again changes nothing; a cancelled one is 409 {@code invalid_transition}.
 * <p>
 * A wallet checkout confirms its order itself and the order's saga does too on the debit, whichever first: it
 * completes its write ({@link CompletesItsWrite}), so the checkout's answer covers the confirmation either way.
 */
public record ConfirmOrder(@TargetAggregateIdentifier OrderId orderId, String paymentReference)
        implements CompletesItsWrite {}
