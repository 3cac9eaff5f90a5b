-- Events an admin evicted from a processor's dead letters (DeadLetterEvicted): that processor's replays (a rebuild, an
-- as-of audit read) skip them as its live processing did, instead of failing on them again. Filled from the
-- DeadLetterEvicted events stored so far (the PostgreSQL event store; with Axon Server from now on).
create table evicted_event (
    processor  varchar(255) not null,
    event_id   varchar(255) not null,
    evicted_at timestamp(6) with time zone not null default now(),
    primary key (processor, event_id)
);

insert into evicted_event (processor, event_id)
select convert_from(payload, 'UTF8')::jsonb ->> 'processor', convert_from(payload, 'UTF8')::jsonb ->> 'eventId'
from domain_event_entry
where payload_type = 'dev.stoa.api.platform.DeadLetterEvicted' and convert_from(payload, 'UTF8') like '{%'
on conflict do nothing;
