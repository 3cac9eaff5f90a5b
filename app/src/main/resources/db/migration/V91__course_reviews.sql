-- review: course reviews live in review_view beside product reviews (processor review-read-model); a row reviews
-- exactly one item, a product or a course.
alter table review_view alter column product_id drop not null;
alter table review_view add column course_id varchar(36);
alter table review_view add constraint review_view_one_item check ((product_id is null) <> (course_id is null));
create index review_view_course on review_view (course_id, created_at desc, id desc);
