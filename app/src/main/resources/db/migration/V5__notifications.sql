-- Notifications: the mail outbox (command side) and the notification log read model (projection).

-- One row per notification, inserted by Mailer.send in the caller's transaction. The rendered body may hold
-- one-time tokens: it lives only here and is set to null once the mail is sent or has failed for good.
create table mail_outbox (
    notification_id varchar(200)  not null primary key,
    user_id         varchar(64),
    recipient       varchar(320)  not null,
    template_name   varchar(64)   not null,
    subject         varchar(1000) not null,
    body_text       text,
    body_html       text,
    status          varchar(16)   not null default 'pending',  -- pending, sent, failed
    attempts        integer       not null default 0,          -- delivery attempts made
    logged_attempt  integer       not null default 0,          -- the latest attempt whose outcome is in the event log
    next_attempt_at timestamptz   not null default now(),
    last_error      varchar(1000),
    correlation_id  varchar(255),
    created_at      timestamptz   not null default now(),
    sent_at         timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'pending';
create index mail_outbox_unlogged on mail_outbox (notification_id) where logged_attempt < attempts;

-- Read model of processing group notification-log: every user's notifications, newest first.
create table notification_view (
    id            varchar(200) not null primary key,
    user_id       varchar(64),
    channel       varchar(16)  not null,
    template_name varchar(64)  not null,
    subject       varchar(1000),
    status        varchar(16)  not null,  -- queued, sent, failed
    retry_count   integer      not null,
    created_at    timestamptz  not null,
    sent_at       timestamptz,
    updated_at    timestamptz  not null
);
create index notification_view_user on notification_view (user_id, created_at desc, id desc);
