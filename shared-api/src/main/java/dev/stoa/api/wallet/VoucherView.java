package dev.stoa.api.wallet;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/**
 * A voucher as admins see it; {@code state}: active, redeemed, revoked (withdrawn by an admin, {@code revokedAt}) or
 * expired. Never the code: only its {@code hint}.
 */
public record VoucherView(String voucherId, String batchId, String state, long amountCents, String currency,
                          Instant expiresAt, String hint, @MayBeNull String redeemedBy, @MayBeNull Instant redeemedAt,
                          Instant createdAt, @MayBeNull Instant revokedAt) {}
