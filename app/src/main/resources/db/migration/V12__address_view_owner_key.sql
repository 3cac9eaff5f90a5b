-- An address row belongs to its user: the key is (user_id, id), so an event of one account can never move or
-- overwrite a row of another, whatever ids it names.
alter table user_address_view drop constraint user_address_view_pkey;
alter table user_address_view add primary key (user_id, id);
