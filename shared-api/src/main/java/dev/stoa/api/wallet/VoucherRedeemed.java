package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** A voucher was spent by {@code userId}; its amount is owed to that user's wallet (a {@link TopUpWallet} follows). */
@Revision("1")
public record VoucherRedeemed(VoucherId voucherId, VoucherBatchId batchId, UserId userId, long amountCents,
                              String currency) {}
