-- A paid order's courses until they are granted: one row per confirmed order with course lines, written in the order's
-- own transaction when it is confirmed and deleted once the course-entitlements processor has granted (or, for an order
-- refunded or cancelled meanwhile, skipped) them. The checkout and the enrollment refuse those courses meanwhile: a
-- buyer who paid for a course has no access yet in that moment, and could otherwise pay for it again.
create table order_course_grant_due (
    order_id     varchar(36) primary key,
    buyer_id     varchar(64) not null,
    confirmed_at timestamptz not null default now()
);
create index order_course_grant_due_buyer on order_course_grant_due (buyer_id);
