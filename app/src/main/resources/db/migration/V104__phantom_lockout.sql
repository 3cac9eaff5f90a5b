-- Wrong logins (password or mailed code) for addresses without an account (PhantomLockout): the same lockout as a real
-- account's, which lives in its events and so holds in every command process. Kept in memory per process before
-- 2026-12-06, so with several command processes an address without an account did not lock where a real one did, and
-- the lockout told who is registered. key_hash is the HMAC of the address (KeyedHashing, purpose "phantom-lockout"),
-- never the address; a row unlocked and untouched for 30 days is deleted (PhantomLockout.runOnce, hourly).
create table phantom_lockout (
    key_hash     varchar(64) primary key,
    failures     integer     not null,
    locked_until timestamptz,
    updated_at   timestamptz not null default now()
);
create index phantom_lockout_updated on phantom_lockout (updated_at);
