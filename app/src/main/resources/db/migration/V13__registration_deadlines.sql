-- Unverified registrations expire (stoa.identity.unverified-registration-lifetime): one row per registration whose
-- address was not verified, written in the registration's transaction, deleted once its expiry was handled.
create table registration_deadline (
    user_id    varchar(64) primary key,
    expires_at timestamptz not null
);
create index registration_deadline_due on registration_deadline (expires_at);
