-- Card refunds that fail at the gateway (issue 10's leftovers): why, on the payment's refund and on the refund request,
-- how many attempts the request took; and the returned units received back for a request's product return.
alter table payment_refund_view add column failure_reason varchar(500);

alter table refund_request_view add column failure_reason varchar(500);
alter table refund_request_view add column attempts integer not null default 1;
alter table refund_request_view add column failed_at timestamptz;
alter table refund_request_view add column returned_items jsonb;
alter table refund_request_view add column return_complete boolean not null default false;
alter table refund_request_view add column return_received_at timestamptz;
