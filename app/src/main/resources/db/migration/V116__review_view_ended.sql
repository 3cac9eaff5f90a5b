-- review: a review that ended (deleted by its author, removed by an admin, withdrawn with its refunded purchase) stays in
-- review_view with its state and when it ended, so its author's GDPR export still shows what they wrote (Z41); every
-- public read asks for state 'live'. Reviews that ended before this migration left no row: they come back once the
-- review-read-model processor is replayed.
alter table review_view add column state varchar(10) not null default 'live';
alter table review_view add column ended_at timestamptz;
alter table review_view add constraint review_view_state check (state in ('live', 'deleted', 'removed', 'withdrawn'));
drop index review_view_product;
drop index review_view_course;
create index review_view_product on review_view (product_id, state, created_at desc, id desc);
create index review_view_course on review_view (course_id, state, created_at desc, id desc);
