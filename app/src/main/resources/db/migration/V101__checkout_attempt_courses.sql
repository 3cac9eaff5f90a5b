-- The courses a checkout under way buys (comma-separated ids; empty for products only): a wallet enrollment of one of
-- them by the same buyer waits until the checkout has placed its order or given up (then the order's hold refuses it),
-- so a course is not paid twice by a checkout and a wallet enrollment at once. Both sides look each other up by buyer.
alter table checkout_attempt add column courses text not null default '';
create index checkout_attempt_buyer on checkout_attempt (buyer_id);
create index course_wallet_purchase_user on course_wallet_purchase (user_id);
