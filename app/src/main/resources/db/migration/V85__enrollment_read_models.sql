-- Learning: enrollments and progress (processing group enrollment-read-model).

-- Who may see a course's content now: one row per (user, course), active while an unrevoked grant exists.
-- The courses part reads it for its content check and may have created it already (V80-V84): created only if absent.
create table if not exists course_access_view (
    user_id   varchar(36) not null,
    course_id varchar(36) not null,
    active    boolean     not null,
    primary key (user_id, course_id)
);

-- What the enrollment views and the cart need of a course, from the course's own events: title, instructor (who
-- sees its students), price (the cart prices course lines with it), state, and its lessons (id → type and whether
-- published: progress counts the published ones).
create table enrollment_course_view (
    course_id     varchar(36)  not null primary key,
    instructor_id varchar(36)  not null,
    title         varchar(300) not null,
    price_cents   bigint       not null,
    currency      varchar(3)   not null,
    published     boolean      not null,
    archived      boolean      not null,
    lessons       jsonb        not null   -- [{lessonId, type, published}]
);

-- One row per enrollment (user, course). completed_lessons: lesson ids; quiz_scores: lesson id → best percent;
-- grants: every entitlement with its source, reference and revocation (why the student has access).
create table enrollment_view (
    enrollment_id      varchar(36) not null primary key,
    user_id            varchar(36) not null,
    course_id          varchar(36) not null,
    status             varchar(16) not null,   -- active, completed, revoked
    access_active      boolean     not null,
    completed_lessons  jsonb       not null,
    quiz_scores        jsonb       not null,
    time_spent_seconds bigint      not null check (time_spent_seconds >= 0),
    certificate_id     varchar(36),
    quiz_average       integer,
    grants             jsonb       not null,
    enrolled_at        timestamptz not null,
    completed_at       timestamptz,
    updated_at         timestamptz not null
);
create index enrollment_view_user on enrollment_view (user_id, enrolled_at desc, enrollment_id);
create index enrollment_view_course on enrollment_view (course_id, enrolled_at desc, enrollment_id);

-- Wallet purchases of courses under way (WalletPurchases, command side): written before the debit, deleted once the
-- course is granted or the debit refunded. A row left behind by a request that died is settled after
-- stoa.learning.wallet-purchase.recovery-after: granted if the wallet was debited (refunded if the grant is refused).
create table course_wallet_purchase (
    purchase_id  varchar(36) primary key,
    user_id      varchar(36) not null,
    course_id    varchar(36) not null,
    amount_cents bigint      not null check (amount_cents > 0),
    currency     varchar(3)  not null,
    started_at   timestamptz not null default now()
);
create index course_wallet_purchase_started on course_wallet_purchase (started_at);
