-- Orders as GET /api/v1/orders... shows them, rebuilt from the ordering events by the order-read-model processor.
create table order_view (
    id                varchar(36)  primary key,
    order_number      varchar(20)  not null unique,
    buyer_id          varchar(64)  not null,
    status            varchar(20)  not null,
    subtotal_cents    bigint       not null,
    discount_cents    bigint       not null,
    tax_cents         bigint       not null,
    shipping_cents    bigint       not null,
    total_cents       bigint       not null,
    currency          varchar(3)   not null,
    coupon_code       varchar(64),
    payment_method    varchar(10)  not null,
    payment_reference varchar(200),
    recipient_name    varchar(200),
    street_line1      varchar(200),
    street_line2      varchar(200),
    city              varchar(100),
    state             varchar(100),
    postal_code       varchar(20),
    country_code      varchar(2),
    notes             varchar(1000),
    cancel_reason     varchar(500),
    placed_at         timestamptz  not null,
    hold_until        timestamptz,
    updated_at        timestamptz  not null
);
create index order_view_buyer on order_view (buyer_id, placed_at desc);
create index order_view_status on order_view (status, placed_at desc);
create index order_view_placed on order_view (placed_at desc);

create table order_line_view (
    order_id         varchar(36)  not null,
    line_no          int          not null,
    item_type        varchar(10)  not null,
    item_id          varchar(36)  not null,
    vendor_id        varchar(64)  not null,
    name_snapshot    varchar(200) not null,
    sku_snapshot     varchar(64),
    unit_price_cents bigint       not null,
    quantity         int          not null,
    line_total_cents bigint       not null,
    physical         boolean      not null,
    tracking_number  varchar(100),
    shipped_at       timestamptz,
    delivered_at     timestamptz,
    primary key (order_id, line_no)
);
create index order_line_view_vendor on order_line_view (vendor_id);

create table order_history_view (
    order_id varchar(36) not null,
    seq      int         not null,
    status   varchar(20) not null,
    at       timestamptz not null,
    primary key (order_id, seq)
);
