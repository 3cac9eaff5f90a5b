-- Since 2026-12-06 the correlation id is always the platform's own, and a client's X-Correlation-Id is kept beside it
-- as clientCorrelationId (1-64 of A-Z a-z 0-9 . _ : -: a label, holds no secret and no personal data).
-- mail_outbox: the client's id of the request that queued the mail, so the dispatcher's NotificationSent /
-- NotificationFailed carry it as the request's other events do (null where the client sent none, and in older rows).
alter table mail_outbox add column client_correlation_id varchar(64);
-- idempotency_record: the correlation id of the first request, which a replay answers again in X-Correlation-Id (it
-- names that request's events; the retry's own id names none). Null in older rows: their replays answer the retry's.
alter table idempotency_record add column correlation_id varchar(64);
