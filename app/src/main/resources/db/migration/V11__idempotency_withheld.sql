-- A response that handed out a secret (tokens, MFA secrets) is never kept: only that the key was used, so a
-- retry runs nothing twice and is told the response is withheld.
alter table idempotency_record add column withheld boolean not null default false;
