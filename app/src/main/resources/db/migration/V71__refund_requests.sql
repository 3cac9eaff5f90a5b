-- Read model of customer refund requests (processor refund-read-model): one row per request, its items as asked,
-- and once approved the amount split (lines as JSON, totals as columns).
create table refund_request_view (
    refund_id       varchar(36)   primary key,
    order_id        varchar(36)   not null,
    order_number    varchar(40)   not null,
    buyer_id        varchar(36)   not null,
    status          varchar(20)   not null,
    reason          varchar(1000) not null,
    items           jsonb         not null,
    lines           jsonb,
    items_cents     bigint,
    discount_cents  bigint,
    tax_cents       bigint,
    shipping_cents  bigint,
    total_cents     bigint,
    currency        varchar(3)    not null,
    payment_method  varchar(20),
    return_opened   boolean       not null default false,
    decided_by      varchar(36),
    decision_reason varchar(1000),
    requested_at    timestamptz   not null,
    decided_at      timestamptz,
    refunded_at     timestamptz
);
create index refund_request_view_buyer on refund_request_view(buyer_id, requested_at desc);
create index refund_request_view_order on refund_request_view(order_id);
create index refund_request_view_status on refund_request_view(status, requested_at desc);
