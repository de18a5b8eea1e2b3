-- portico-auth's server-side sessions (dev.portico.auth.session). The cookie carries a random 256-bit id; only
-- its SHA-256 is stored, so a copy of this table logs nobody in. One file for H2 (PostgreSQL mode) and PostgreSQL.

create table auth_sessions (
    -- hex SHA-256 of the id in the sessionid cookie; the id itself is never stored
    id_hash varchar(64) primary key,
    user_id bigint not null references auth_users (id) on delete cascade,
    -- the user's auth_epoch at login: a session carrying an older value than the user's is refused
    auth_epoch bigint not null,
    created_at timestamp with time zone not null,
    -- fixed at login (Django's SESSION_COOKIE_AGE), not slid by use
    expires_at timestamp with time zone not null,
    -- last request served with it, written at most once a minute
    last_seen_at timestamp with time zone not null
);

create index auth_sessions_user on auth_sessions (user_id);
create index auth_sessions_expires on auth_sessions (expires_at);
