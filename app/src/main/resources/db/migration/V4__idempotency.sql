-- Responses to POSTs sent with an Idempotency-Key, per caller, so a retry gets the first answer.
create table idempotency_record (
    principal     varchar(64)  not null,
    idem_key      varchar(255) not null,
    request_hash  varchar(64)  not null,
    status        integer,               -- null while the first request is in progress
    content_type  varchar(200),
    location      varchar(1000),
    position      bigint,
    body          bytea,
    created_at    timestamptz  not null default now(),
    completed_at  timestamptz,
    primary key (principal, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);
