package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Credits a redeemed voucher to the user's wallet, creating the wallet if needed; idempotent per voucher. Answers the balance. */
public record TopUpWallet(UserId userId, VoucherId voucherId, long amountCents, String currency) {
    @TargetAggregateIdentifier
    public String walletId() { return WalletId.of(userId); }
}
