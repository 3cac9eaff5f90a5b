-- learning: completion certificates as GET /api/v1/certificates/{id} verifies them (processor certificate-read-model).
-- No names here: the verification page reads them from user_view when asked, so erasure reaches certificates too.
create table certificate_view (
    certificate_id varchar(36)  primary key,
    enrollment_id  varchar(36)  not null,
    user_id        varchar(64)  not null,
    course_id      varchar(36)  not null,
    quiz_average   integer,
    issued_at      timestamptz  not null
);
create index certificate_view_user on certificate_view (user_id);
