-- Per-user keys that seal personal fields in events (crypto-shredding). Erasure nulls the key: the sealed
-- fields in the event log can then never be read again, while the events stay for the books.
create table personal_data_key (
    user_id      varchar(64) primary key,
    key_bytes    bytea,
    created_at   timestamptz not null default now(),
    destroyed_at timestamptz
);
