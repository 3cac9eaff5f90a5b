-- The courses a checkout under way buys, one row per buyer and course (CheckoutAttempts.claimCourse): claimed by the
-- checkout once it is noted (checkout_attempt), before anything is taken, and deleted when its note is (the order
-- placed, the checkout undone, or a dead request's checkout recovered). The key lets one checkout of a course per
-- buyer through at a time: a claim whose checkout's note is gone is taken over; of two claims at once (two tabs, a
-- double click on a course's wallet purchase) the second waits for the first and finds it held, and that checkout is
-- refused with 409 course_in_pending_order. Holds no secret.
create table checkout_course_claim (
    buyer_id   varchar(36) not null,
    course_id  varchar(36) not null,
    order_id   varchar(36) not null,
    claimed_at timestamptz not null default now(),
    primary key (buyer_id, course_id)
);
create index checkout_course_claim_order on checkout_course_claim (order_id);
