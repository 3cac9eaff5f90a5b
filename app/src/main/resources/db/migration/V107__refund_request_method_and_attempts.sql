-- A refund request shows where its refund goes (payment_method) from the moment it is asked for: RefundRequested
-- carries the order's payment method since 2026-12-06 (before, the column stayed null until the approval). The
-- requests still undecided get it from their order; a replay of refund-read-model gives the rest the same.
update refund_request_view r set payment_method = o.payment_method
  from order_view o where r.payment_method is null and o.id = r.order_id;
-- attempts counts the refund's tries: none until the approval, which is the first (a rejected or closed request
-- showed 1 attempt it never made).
alter table refund_request_view alter column attempts set default 0;
update refund_request_view set attempts = 0 where status in ('requested', 'rejected', 'closed');
