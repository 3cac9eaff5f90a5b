package dev.stoa.api.wallet;

import java.util.List;

/** Vouchers, newest first, optionally of one batch and in one state (active, redeemed, expired). */
public record FindVouchers(String batchId, String state, int limit, int offset) {
    public record Result(List<VoucherView> items, long total, int limit, int offset) {}
}
