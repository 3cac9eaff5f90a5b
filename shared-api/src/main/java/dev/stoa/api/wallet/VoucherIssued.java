package dev.stoa.api.wallet;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A voucher exists, redeemable once before {@code expiresAt}. {@code hint}: the last characters of its code, for admins. */
@Revision("1")
public record VoucherIssued(VoucherId voucherId, VoucherBatchId batchId, long amountCents, String currency,
                            Instant expiresAt, String hint) {}
