-- Profiles of the accounts, rebuilt from the identity events by the user-read-model processor.
create table user_view (
    id             varchar(36)  primary key,
    email          varchar(254) not null,
    first_name     varchar(100),
    last_name      varchar(100),
    phone          varchar(20),
    roles          varchar(200) not null,
    email_verified boolean      not null,
    status         varchar(20)  not null,
    created_at     timestamptz  not null,
    last_login_at  timestamptz
);
create index user_view_email on user_view (email);

create table user_address_view (
    id           varchar(36)  primary key,
    user_id      varchar(36)  not null,
    label        varchar(10)  not null,
    street_line1 varchar(200) not null,
    street_line2 varchar(200),
    city         varchar(100) not null,
    state        varchar(100),
    postal_code  varchar(20)  not null,
    country_code varchar(2)   not null,
    is_default   boolean      not null,
    updated_at   timestamptz  not null
);
create index user_address_view_user on user_address_view (user_id);
