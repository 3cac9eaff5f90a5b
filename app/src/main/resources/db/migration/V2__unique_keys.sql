-- Set-based uniqueness (SKU, slug, e-mail, ...) claimed in the same transaction as the events that need it.
create table unique_key (
    kind       varchar(40)  not null,
    value      varchar(320) not null,
    owner_id   varchar(64)  not null,
    claimed_at timestamptz  not null default now(),
    primary key (kind, value)
);
create index unique_key_owner on unique_key (owner_id);
