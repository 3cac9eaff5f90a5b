package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Credits a redeemed voucher to the user's wallet, creating the wallet if needed; idempotent per voucher. Answers the
 * balance. Sent by the redeem request and again by {@code VoucherTopUps} from the {@code VoucherRedeemed} event.
 */
public record TopUpWallet(UserId userId, VoucherId voucherId, long amountCents, String currency) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String walletId() { return WalletId.of(userId); }
}
