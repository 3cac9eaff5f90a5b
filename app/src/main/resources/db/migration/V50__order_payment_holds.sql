-- Unpaid orders expire (stoa.orders.payment-hold): one row per pending order, written in the order's own transaction
-- and deleted when it is paid, cancelled or expired. Also how a deactivated buyer's pending orders are found.
create table order_payment_hold (
    order_id   varchar(36) primary key,
    buyer_id   varchar(64) not null,
    expires_at timestamptz not null
);
create index order_payment_hold_due on order_payment_hold (expires_at);
create index order_payment_hold_buyer on order_payment_hold (buyer_id);
