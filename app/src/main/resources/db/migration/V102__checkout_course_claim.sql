-- The courses a checkout under way buys, one row per buyer and course (CheckoutAttempts): claimed with the checkout's
-- note (checkout_attempt), before anything is taken, and deleted with it (the order placed, the checkout undone, or a
-- dead request's checkout recovered). The key lets one checkout of a course per buyer through at a time: of two at
-- once (two tabs, a double click on a course's wallet purchase), the second claim waits for the first, finds it, and
-- that checkout is refused with 409 course_in_pending_order; the first goes on. Holds no secret.
create table checkout_course_claim (
    buyer_id   varchar(36) not null,
    course_id  varchar(36) not null,
    order_id   varchar(36) not null,
    claimed_at timestamptz not null default now(),
    primary key (buyer_id, course_id)
);
create index checkout_course_claim_order on checkout_course_claim (order_id);
