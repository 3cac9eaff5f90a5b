package dev.stoa.api.wallet;

import dev.stoa.api.platform.Actor;
import java.time.Instant;
import java.util.List;

/** Creates a batch of vouchers of one amount, currency and expiry (admin); the codes themselves never travel in it. */
public record CreateVoucherBatch(VoucherBatchId batchId, long amountCents, String currency, Instant expiresAt,
                                 List<IssuedVoucher> vouchers, Actor actor) {
    public CreateVoucherBatch {
        vouchers = vouchers == null ? List.of() : List.copyOf(vouchers);
    }
}
