-- Users and API keys administered through the API (issue 18, item 1).

-- A password an administrator set (a reset, a new user, the first administrator) is changed by its user at the
-- next sign-in; until then every other call is refused.
alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column created_at timestamptz not null default now();

-- Keys are revoked, never deleted (the name stays taken, jobs keep naming it). last_used_at is written at most
-- once a minute per key, not on every request. hint: the first characters of the secret, to tell keys apart.
alter table api_key add column created_at timestamptz not null default now();
alter table api_key add column revoked_at timestamptz;
alter table api_key add column last_used_at timestamptz;
alter table api_key add column hint text;

-- Who signed in or tried, when, from where, and how it ended; never a password or a key.
create table sign_in (
    id       bigint generated always as identity primary key,
    at       timestamptz not null,
    username text,
    api_key  text,
    method   text not null check (method in ('FORM', 'BASIC', 'API_KEY')),
    address  text,
    outcome  text not null check (outcome in ('SUCCESS', 'WRONG_PASSWORD', 'LOCKED_OUT', 'DISABLED', 'UNKNOWN_KEY', 'REVOKED_KEY'))
);
create index sign_in_at on sign_in (at desc);
create index sign_in_username on sign_in (username, at desc);
