package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives back to the wallet whatever is left of what was debited for an order: the debit less the refunds made for it
 * already (a cancelled order after some of it was refunded on request). Nothing when nothing is left; 422
 * {@code refund_exceeds_debit} when nothing was debited for the order; idempotent per {@code refundReference}. Answers
 * the balance after it.
 * <p>
 * A step of an order's cancellation: sent by its request ({@code POST /orders/{id}/cancel}) and by the order's
 * saga, whichever first ({@link CompletesItsWrite}).
 */
public record RefundRestToWallet(UserId userId, OrderId orderId, String refundReference, String currency) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String walletId() { return WalletId.of(userId); }
}
