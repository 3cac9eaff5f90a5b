package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An admin created a batch of {@code count} vouchers; each follows as a {@link VoucherIssued}. */
@Revision("1")
public record VoucherBatchCreated(VoucherBatchId batchId, long amountCents, String currency, Instant expiresAt, int count,
                                  UserId createdBy) {}
