-- When an admin withdrew a voucher nobody had redeemed (VoucherRevoked); null for every other.
alter table voucher_view add column revoked_at timestamp with time zone;
