package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the user's wallet whether it could pay {@code amountCents} in {@code currency} now; records nothing. Refused
 * with 422 {@code currency_mismatch} or {@code insufficient_funds} as a {@link DebitWallet} would be; a user without a
 * wallet gets 404 {@code not_found}. Sent by a wallet checkout before it places its order, so a wallet that cannot pay
 * leaves no cancelled order behind (the debit itself still decides: money spent meanwhile is refused then).
 */
public record CheckWalletCovers(UserId userId, long amountCents, String currency) {
    @TargetAggregateIdentifier
    public String walletId() { return WalletId.of(userId); }
}
