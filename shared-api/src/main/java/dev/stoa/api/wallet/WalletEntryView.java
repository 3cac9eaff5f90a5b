package dev.stoa.api.wallet;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/**
 * One ledger entry: {@code type} topup, debit or refund; {@code amountCents} always positive, in {@code currency} (the
 * wallet's: every entry of a wallet is in its one currency; beside each amount since 2026-12-07 evening, as API.md's
 * convention has it, where it was at the top of the answer only; walkthrough Z30); {@code reference} the voucher id
 * (topup), the order id (debit) or the refund reference (refund).
 */
public record WalletEntryView(String type, long amountCents, String currency, String reference, @MayBeNull String orderId,
                              Instant at, long balanceAfterCents) {}
