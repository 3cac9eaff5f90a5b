-- GET /api/v1/audit/events pages in the order the log chained its events (chain_seq), no longer by position: an event
-- that committed late (a lower position than events chained before it) was passed by a page that ended beyond it. The
-- filter indexes follow that order, so that a filtered page is read in order and stops at its limit.
drop index audit_log_aggregate;
drop index audit_log_type;
drop index audit_log_user;
drop index audit_log_correlation;
create index audit_log_aggregate on audit_log (aggregate_id, chain_seq);
create index audit_log_type on audit_log (event_type, chain_seq);
create index audit_log_user on audit_log (user_id, chain_seq);
create index audit_log_correlation on audit_log (correlation_id, chain_seq);
