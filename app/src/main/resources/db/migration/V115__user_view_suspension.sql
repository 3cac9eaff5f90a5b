-- What an admin's view of an account says of its suspension (the reason opened with the user's key, as the names
-- are): set by UserSuspended, cleared when the account is reinstated, deactivated or erased. Accounts suspended
-- before this migration read null here until the user-read-model processor is replayed.
alter table user_view add column suspended_at timestamp with time zone;
alter table user_view add column suspension_reason varchar(500);
