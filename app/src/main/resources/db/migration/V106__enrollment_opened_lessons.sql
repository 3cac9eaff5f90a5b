-- The lessons whose content the student opened (LessonOpened, since 2026-12-06), for GET /courses/{id}/progress:
-- what the refund rule counts with the lessons completed. Filled by enrollment-read-model; its replay fills it for
-- openings recorded before this column.
alter table enrollment_view add column opened_lessons jsonb not null default '[]'::jsonb;
