-- The closed-seller-orders processor's own ledger (command side): the sellers (vendors, instructors) whose accounts
-- closed, and the orders with a line of each seller that may still have to be turned back when that seller closes
-- (dropped once the order ships anything, is delivered or ends cancelled). Ids only: nothing personal.
create table closed_seller_order_seller (
    seller_id varchar(64) primary key
);

create table closed_seller_order (
    seller_id varchar(64) not null,
    order_id  varchar(64) not null,
    primary key (seller_id, order_id)
);

create index closed_seller_order_by_order on closed_seller_order (order_id);
