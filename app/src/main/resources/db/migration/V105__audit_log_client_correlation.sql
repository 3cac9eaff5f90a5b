-- GET /api/v1/audit/events?clientCorrelationId=: the X-Correlation-Id the client sent with the request that started a
-- chain (since 2026-12-06 the chain's own id is the platform's). A client that never got its answer (a time-out) knows
-- only its own id: this finds what its request did. A label of 1-64 of A-Z a-z 0-9 . _ : -, no secret, no personal data.
-- Null for events without one, and for events chained before this column (the log is not rewritten).
alter table audit_log add column client_correlation_id varchar(64);
create index audit_log_client_correlation on audit_log (client_correlation_id, chain_seq)
    where client_correlation_id is not null;
