-- Carts and coupons, rebuilt from their events by the cart-read-model and coupon-read-model processors.
create table cart_line_view (
    id         varchar(80) primary key,          -- user id ':' item id
    user_id    varchar(36) not null,
    item_type  varchar(20) not null,
    item_id    varchar(36) not null,
    quantity   integer     not null,
    added_at   timestamptz not null,
    updated_at timestamptz not null
);
create index cart_line_view_user on cart_line_view (user_id, added_at);

create table cart_view (
    user_id     varchar(36) primary key,
    coupon_code varchar(32),
    updated_at  timestamptz not null
);

create table coupon_view (
    code                     varchar(32) primary key,
    percent_off              integer,
    amount_off_cents         bigint,
    currency                 varchar(3)  not null,
    min_subtotal_cents       bigint,
    valid_from               timestamptz,
    valid_until              timestamptz,
    max_redemptions          integer,
    max_redemptions_per_user integer,
    active                   boolean     not null,
    redemptions              integer     not null,
    created_at               timestamptz not null
);
create index coupon_view_created on coupon_view (created_at desc);

create table coupon_redemption_view (
    id          varchar(80) primary key,          -- code ':' order id
    code        varchar(32) not null,
    user_id     varchar(36) not null,
    order_id    varchar(36) not null,
    redeemed_at timestamptz not null
);
create index coupon_redemption_view_user on coupon_redemption_view (code, user_id);
