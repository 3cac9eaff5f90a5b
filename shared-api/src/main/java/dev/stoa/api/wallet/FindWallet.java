package dev.stoa.api.wallet;

import java.util.List;

/** A user's wallet: balance and one page of its ledger, newest first. A user without a wallet has balance 0. */
public record FindWallet(String userId, int limit, int offset) {
    /** {@code total}: how many entries the ledger holds. */
    public record Result(long balanceCents, String currency, List<WalletEntryView> entries, long total, int limit,
                         int offset) {}
}
