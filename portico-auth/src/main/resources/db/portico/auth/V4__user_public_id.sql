-- A public id for every user ('u-' and 24 hex digits), so API calls name a user without exposing the sequence
-- (seed 002's "Passing in models": user=u-12346789). New users get theirs from Users.create (96 bits of
-- SecureRandom); existing rows are backfilled here from gen_random_uuid(), which H2 2.x and PostgreSQL 13+ both have.

alter table auth_users add column public_id varchar(26);

update auth_users set public_id = 'u-' || substring(replace(cast(gen_random_uuid() as varchar), '-', ''), 1, 24)
where public_id is null;

alter table auth_users alter column public_id set not null;

create unique index auth_users_public_id on auth_users (public_id);
