-- Since 2026-12-07 a signed-in user's client labels (X-Correlation-Id, Idempotency-Key) are sealed with that user's
-- key in the events' metadata, and an erasure drops their copy in audit_log.client_correlation_id (the filter
-- ?clientCorrelationId=). The users erased before: their labels leave the filter now. The hashes stay valid: a row's
-- hash covers the stored event, not this column.
update audit_log a set client_correlation_id = null
  from personal_data_key k
 where k.user_id = a.user_id and k.keyset is null and k.key_bytes is null and a.client_correlation_id is not null;
