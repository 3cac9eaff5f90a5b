-- Checkouts under way (CheckoutAttempts): written before the first stock reservation, deleted once the order is
-- placed or the checkout undone. A row left behind by a request that died is cleared after
-- stoa.checkout.recovery-after: its reservations and coupon redemption are released unless the order was placed.
create table checkout_attempt (
    order_id    varchar(36) primary key,
    buyer_id    varchar(36) not null,
    products    text        not null,  -- comma-separated product ids the checkout may have reserved
    coupon_code varchar(32),
    started_at  timestamptz not null default now()
);
create index checkout_attempt_started on checkout_attempt (started_at);
