-- The audit log: one row per stored event, in the order the audit-log processor chained them (chain_seq), with a
-- SHA-256 hash over the event as stored (payload and metadata bytes, position, ids, type, time) and the previous row's
-- hash. Nothing ever updates or deletes a row; GET /api/v1/audit/integrity recomputes the chain against the event store.
-- The other columns are what auditors filter on (GET /api/v1/audit/events), taken from the event's metadata and payload.
create table audit_log (
    chain_seq       bigint       not null primary key,
    position        bigint       not null unique,
    event_id        varchar(255) not null unique,
    aggregate_type  varchar(255),
    aggregate_id    varchar(255),
    sequence_number bigint,
    event_type      varchar(255) not null,
    occurred_at     timestamptz  not null,
    user_id         varchar(255),
    correlation_id  varchar(255),
    causation_id    varchar(255),
    refs            text[]       not null default '{}',
    hash            bytea        not null
);
create index audit_log_aggregate on audit_log (aggregate_id, position);
create index audit_log_type on audit_log (event_type, position);
create index audit_log_user on audit_log (user_id, position);
create index audit_log_correlation on audit_log (correlation_id, position);
create index audit_log_at on audit_log (occurred_at);
create index audit_log_refs on audit_log using gin (refs);
