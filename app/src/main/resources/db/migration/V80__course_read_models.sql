-- learning: the courses as GET /api/v1/courses shows them (processor course-read-model). lesson_count and
-- total_duration_seconds count published lessons; rating_* stay at no reviews until course reviews exist.
create table course_view (
    id                     varchar(36)   primary key,
    instructor_id          varchar(64)   not null,
    title                  varchar(200)  not null,
    description            varchar(20000),
    price_cents            bigint        not null,
    currency               varchar(3)    not null,
    category_id            varchar(36),
    passing_score          integer       not null,
    status                 varchar(10)   not null,
    lesson_count           integer       not null default 0,
    total_duration_seconds bigint        not null default 0,
    rating_average         double precision,
    rating_count           bigint        not null default 0,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    published_at           timestamptz
);
create index course_view_listed on course_view (created_at desc) where status = 'published';
create index course_view_category on course_view (category_id) where status = 'published';
create index course_view_price on course_view (price_cents) where status = 'published';
create index course_view_instructor on course_view (instructor_id);

-- learning: every lesson of every course with its whole content (same processor). Quiz answers are stored for the
-- course's instructor; the query side never sends them to students.
create table lesson_view (
    id                varchar(36)   primary key,
    course_id         varchar(36)   not null,
    seq               integer       not null,
    title             varchar(200)  not null,
    type              varchar(12)   not null,
    position          integer       not null,
    duration_seconds  integer,
    content_ref       varchar(2000),
    media_type        varchar(100),
    body              text,
    quiz              jsonb,
    published         boolean       not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index lesson_view_course on lesson_view (course_id, position, seq);

-- learning: who may read a course's content besides its instructor and admins (CourseAccess). Filled by the
-- enrollment read model (one row per user and course; active = false once revoked).
create table course_access_view (
    user_id    varchar(64)  not null,
    course_id  varchar(36)  not null,
    active     boolean      not null,
    primary key (user_id, course_id)
);
