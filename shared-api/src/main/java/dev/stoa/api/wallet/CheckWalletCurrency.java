package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the user's wallet, if it exists, whether it keeps {@code currency}; records nothing. Refused with 422
 * {@code currency_mismatch} when it keeps another (opened before {@code stoa.wallet.currency} changed); a user without a
 * wallet gets 404 {@code not_found}, and their first top-up opens one in the voucher's currency. Sent before a voucher
 * is spent, so the wallet never refuses what was already taken off a voucher.
 */
public record CheckWalletCurrency(UserId userId, String currency) {
    @TargetAggregateIdentifier
    public String walletId() { return WalletId.of(userId); }
}
