-- Gateway (Stripe) events applied to a payment, written in the payment's own transaction: a webhook delivered
-- again is recognised at once (the Payment aggregate remembers them too).
create table payment_gateway_event (
    event_id    varchar(255) primary key,
    payment_id  varchar(36)  not null,
    applied_at  timestamptz  not null default now()
);

-- Read model of payments (processor payment-read-model).
create table payment_view (
    payment_id      varchar(36)  primary key,
    order_id        varchar(36)  not null,
    buyer_id        varchar(36)  not null,
    status          varchar(30)  not null,
    amount_cents    bigint       not null,
    captured_cents  bigint       not null default 0,
    refunded_cents  bigint       not null default 0,
    currency        varchar(3)   not null,
    gateway         varchar(20)  not null,
    intent_id       varchar(255) not null,
    failure_code    varchar(100),
    failure_message varchar(500),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index payment_view_order on payment_view(order_id);
create index payment_view_created on payment_view(created_at desc);

create table payment_refund_view (
    refund_id          varchar(200) not null,
    payment_id         varchar(36)  not null,
    amount_cents       bigint       not null,
    status             varchar(20)  not null,
    reason             varchar(500),
    requested_by       varchar(64),
    gateway_refund_id  varchar(255),
    requested_at       timestamptz  not null,
    updated_at         timestamptz  not null,
    primary key (payment_id, refund_id)
);
