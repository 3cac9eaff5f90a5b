-- Units of a line a refund request paid back before they shipped: the order no longer ships them (OrderLinesWithdrawn).
alter table order_line_view add column withdrawn_quantity integer not null default 0;
