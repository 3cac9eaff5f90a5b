-- Each user's personal-data key becomes a Tink keyset of its own, stored only encrypted with the sealing keyset
-- (envelope encryption, bound to the user id). The application wraps the legacy raw keys (key_bytes) at start-up,
-- because only it holds the sealing keyset, and nulls them; erasure nulls both columns.
alter table personal_data_key add column keyset bytea;
alter table personal_data_key add constraint personal_data_key_one_form check (key_bytes is null or keyset is null);
comment on column personal_data_key.keyset is 'the user''s Tink keyset, encrypted with the sealing keyset; null once erased';
comment on column personal_data_key.key_bytes is 'legacy raw AES-256 key, in clear; wrapped into keyset and nulled at start-up';
