-- Units of a line a refund request paid back after they shipped: the buyer sends them back (OrderLinesWithdrawn's
-- unitsSentBack). Orders refunded so before this column existed read 0 until the order read model is rebuilt.
alter table order_line_view add column sent_back_quantity integer not null default 0;
