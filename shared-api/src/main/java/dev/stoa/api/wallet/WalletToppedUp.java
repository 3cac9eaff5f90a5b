package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** A redeemed voucher was credited; the first top-up also opens the wallet. {@code voucherReference} is the voucher's id. */
@Revision("1")
public record WalletToppedUp(UserId userId, VoucherId voucherReference, long amountCents, String currency,
                             long balanceAfterCents) {}
