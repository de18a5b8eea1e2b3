-- dj-rest-auth's user details and allauth's e-mail verification: a first and a last name (Django's AbstractUser,
-- blank by default), whether the address in email was confirmed, and the one-time tokens of password reset and
-- e-mail confirmation. Existing users keep every column they had; their names start blank and their address
-- unconfirmed. Numbered 5.1 so that a V5 of another branch can land beside it.

alter table auth_users add column first_name varchar(150) not null default '';
alter table auth_users add column last_name varchar(150) not null default '';
alter table auth_users add column email_verified boolean not null default false;

create table auth_one_time_tokens (
    -- hex SHA-256 of the token mailed to the user; the token itself is never stored
    token_hash varchar(64) primary key,
    -- 'password_reset' or 'email_confirmation'
    purpose varchar(32) not null,
    user_id bigint not null references auth_users (id) on delete cascade,
    -- what the token was issued against: a change of any of them (a new password or a logout everywhere raise the
    -- epoch, a login moves last_login, a new address) makes it worthless, as Django's PasswordResetTokenGenerator
    email varchar(254) not null,
    auth_epoch bigint not null,
    last_login timestamp with time zone,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at timestamp with time zone
);

create index auth_one_time_tokens_user on auth_one_time_tokens (user_id);
create index auth_one_time_tokens_expiry on auth_one_time_tokens (expires_at);
