-- The number of history entries of each order, kept on its row: the order projection numbers a new status from it
-- instead of counting the order's history rows for every status change (a query per event, and a flush before it).
alter table order_view add column history_size int not null default 0;
update order_view o set history_size = (select count(*) from order_history_view h where h.order_id = o.id);
