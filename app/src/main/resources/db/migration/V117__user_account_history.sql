-- identity: an account's lifecycle as its owner's GDPR export shows it (processor user-read-model): each suspension with
-- the reason an admin gave (opened with the user's key, as the names are; '[erased]' once the user is erased), each
-- reinstatement, the deactivation. The export showed no past suspension, whose reason the event log holds (walkthrough
-- Z47). Accounts changed before this migration have no rows here until user-read-model is replayed.
create table user_account_history (
    event_id  varchar(64)  primary key,
    user_id   varchar(64)  not null,
    at        timestamptz  not null,
    change    varchar(20)  not null check (change in ('suspended', 'reinstated', 'deactivated')),
    reason    varchar(500)
);
create index user_account_history_user on user_account_history (user_id, at);
