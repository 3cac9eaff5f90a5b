-- Wallet and vouchers: read models of processing groups wallet-read-model and voucher-read-model.
-- Voucher codes are stored nowhere: a voucher's id is the keyed hash of its code, and only its last 4 characters
-- (the hint) are kept for admins.

create table wallet_view (
    user_id       varchar(64) not null primary key,
    currency      varchar(3)  not null,
    balance_cents bigint      not null check (balance_cents >= 0),
    updated_at    timestamptz
);

-- One row per ledger event (top-up, debit, refund), keyed by the event's id.
create table wallet_entry_view (
    event_id            varchar(64)  not null primary key,
    user_id             varchar(64)  not null,
    type                varchar(16)  not null,   -- topup, debit, refund
    amount_cents        bigint       not null check (amount_cents > 0),
    reference           varchar(255) not null,   -- voucher id, order id or refund reference
    order_id            varchar(64),
    balance_after_cents bigint       not null check (balance_after_cents >= 0),
    at                  timestamptz  not null,
    seq                 bigint       not null    -- the event's sequence number in its wallet: the ledger's order
);
create index wallet_entry_view_user on wallet_entry_view (user_id, seq desc);

create table voucher_view (
    voucher_id   varchar(80) not null primary key,
    batch_id     varchar(64) not null,
    amount_cents bigint      not null,
    currency     varchar(3)  not null,
    expires_at   timestamptz not null,
    hint         varchar(8)  not null,
    redeemed_by  varchar(64),
    redeemed_at  timestamptz,
    created_at   timestamptz not null
);
create index voucher_view_batch on voucher_view (batch_id, created_at desc);
create index voucher_view_created on voucher_view (created_at desc, voucher_id);
