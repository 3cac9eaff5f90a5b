-- Token buckets of the rate limits, shared by every instance (Bucket4j's PostgreSQL proxy manager, which locks a
-- row with SELECT ... FOR UPDATE while a request draws from it). Column names are the ones configured in
-- AuthRateLimitConfiguration.
create table rate_limit_bucket (
    id          text   primary key,  -- 'auth <endpoint pattern> <client address>'
    state       bytea,               -- the serialised bucket; null only inside the transaction that creates the row
    expires_at  bigint               -- epoch milliseconds after which the bucket is full again: the row may go
);
-- the sweeper deletes expired rows in batches
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
