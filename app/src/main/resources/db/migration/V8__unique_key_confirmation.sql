-- A claim is confirmed once its owner's events are known to be stored. Under Axon Server the claim and the
-- events commit separately; an unconfirmed claim whose owner never got events is released by the reconciler.
alter table unique_key add column confirmed boolean not null default false;
create index unique_key_unconfirmed on unique_key (claimed_at) where not confirmed;
