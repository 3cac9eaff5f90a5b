-- A certificate whose enrollment lost its access (every grant refunded or cancelled) is revoked until access is granted
-- again: verification says so, and its PDF is no longer given out.
alter table certificate_view add column revoked_at timestamptz;
create index certificate_view_enrollment on certificate_view (enrollment_id);
