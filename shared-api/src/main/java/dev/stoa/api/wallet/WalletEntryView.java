package dev.stoa.api.wallet;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/**
 * One ledger entry: {@code type} topup, debit or refund; {@code amountCents} always positive; {@code reference} the
 * voucher id (topup), the order id (debit) or the refund reference (refund).
 */
public record WalletEntryView(String type, long amountCents, String reference, @MayBeNull String orderId, Instant at,
                              long balanceAfterCents) {}
