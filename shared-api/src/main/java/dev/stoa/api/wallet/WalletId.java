package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;

/** Names a user's wallet aggregate: {@code wallet-<userId>}, distinct from the user account's own identifier. */
public final class WalletId {
    private WalletId() {}

    public static String of(UserId userId) { return "wallet-" + userId.value(); }
}
