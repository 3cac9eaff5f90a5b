package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** An admin withdrew a voucher before anyone redeemed it: it redeems no more. */
@Revision("1")
public record VoucherRevoked(VoucherId voucherId, VoucherBatchId batchId, UserId revokedBy) {}
