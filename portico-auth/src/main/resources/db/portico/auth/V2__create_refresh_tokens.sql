-- portico-auth's JWT refresh tokens (dev.portico.auth.jwt). Every refresh token issued is recorded by its jti, in a
-- family: the chain of tokens rotated from one login. Spending a token marks it used; presenting a used token
-- again (a stolen copy, or the thief's) revokes the whole family. One file for H2 (PostgreSQL mode) and PostgreSQL.

create table auth_refresh_families (
    -- 32 hex digits (128 random bits)
    id varchar(32) primary key,
    user_id bigint not null references auth_users (id) on delete cascade,
    created_at timestamp with time zone not null,
    -- set when a used token of the family was presented again: every token of it is refused from then on
    revoked_at timestamp with time zone
);

create table auth_refresh_tokens (
    -- the token's jti claim: 32 hex digits; the token itself is never stored
    jti varchar(32) primary key,
    family_id varchar(32) not null references auth_refresh_families (id) on delete cascade,
    user_id bigint not null references auth_users (id) on delete cascade,
    issued_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    -- set once, by the one conditional update that spends (rotates) the token
    used_at timestamp with time zone
);

create index auth_refresh_tokens_family on auth_refresh_tokens (family_id);
create index auth_refresh_tokens_expiry on auth_refresh_tokens (expires_at);
create index auth_refresh_families_user on auth_refresh_families (user_id);
