package dev.stoa.api.wallet;

import java.time.Instant;

/** A voucher as admins see it; {@code state}: active, redeemed or expired. Never the code: only its {@code hint}. */
public record VoucherView(String voucherId, String batchId, String state, long amountCents, String currency,
                          Instant expiresAt, String hint, String redeemedBy, Instant redeemedAt, Instant createdAt) {}
