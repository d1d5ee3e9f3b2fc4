-- Users (HTTP Basic and the UI login) and API keys of call-centre equipment; secrets are stored hashed.
create table app_user (
    username      text primary key,
    password_hash text    not null,
    roles         text    not null,
    enabled       boolean not null default true
);

create table api_key (
    name     text primary key,
    key_hash text not null unique,
    roles    text not null default 'API_CLIENT'
);
