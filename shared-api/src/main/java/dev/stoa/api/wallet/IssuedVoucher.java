package dev.stoa.api.wallet;

/** One voucher of a new batch as the command side knows it: its id (the keyed hash of its code) and a hint, never the code. */
public record IssuedVoucher(VoucherId voucherId, String hint) {}
