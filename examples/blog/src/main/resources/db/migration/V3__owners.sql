-- Posts and employees belong to the user who created them (portico-auth's auth_users, whose migrations run
-- first). Rows made before accounts existed have no owner: only staff may change them.
alter table posts add column owner_id bigint references auth_users (id) on delete set null;
alter table employees add column owner_id bigint references auth_users (id) on delete cascade;
create index posts_owner on posts (owner_id);
create index employees_owner on employees (owner_id);
