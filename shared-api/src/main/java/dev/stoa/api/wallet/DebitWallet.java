package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pays for an order from the user's wallet. Answers the balance after it ({@code Long}); refused with 422
 * {@code insufficient_funds} when the balance does not cover it (the balance never goes negative) and 422
 * {@code currency_mismatch} in another currency. Idempotent per order: a second debit for the same order changes
 * nothing and answers the balance.
 */
public record DebitWallet(UserId userId, OrderId orderId, long amountCents, String currency) {
    @TargetAggregateIdentifier
    public String walletId() { return WalletId.of(userId); }
}
