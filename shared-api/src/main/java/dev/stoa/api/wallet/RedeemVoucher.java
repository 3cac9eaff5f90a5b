package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Spends a voucher for {@code userId}: 404 {@code voucher_not_found}, 409 {@code voucher_redeemed}, 422
 * {@code voucher_expired} or {@code voucher_currency_mismatch}. Answers the {@link VoucherRedeemed} it caused.
 */
public record RedeemVoucher(@TargetAggregateIdentifier VoucherId voucherId, UserId userId, boolean again) {
    public RedeemVoucher(VoucherId voucherId, UserId userId) { this(voucherId, userId, false); }
}
