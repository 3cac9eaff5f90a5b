-- The course-completion processor's own ledger (command side): each course's passing score as its events left it,
-- and who was ever granted the course (completed or not), so that a lowered passing score has each student's
-- completion checked again. Ids and a score only: nothing personal.
create table completion_course (
    course_id     varchar(64) primary key,
    passing_score integer     not null
);

create table completion_student (
    course_id varchar(64) not null,
    user_id   varchar(64) not null,
    completed boolean     not null default false,
    primary key (course_id, user_id)
);
