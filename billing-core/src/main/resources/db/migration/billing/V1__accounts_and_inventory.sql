-- Accounts (лицевые счета), their tariff assignments and dedicated operators; inventory of network resources.
-- Migration versions are global across modules: billing-core and rating-service share one sequence.

create table account (
    code        text primary key,
    client_name text not null,
    created_at  timestamptz not null default now()
);

create table account_tariff (
    account_code text not null references account (code),
    tariff_code  text not null,
    valid_from   date not null,
    valid_to     date,
    primary key (account_code, valid_from),
    check (valid_to is null or valid_to > valid_from)
);

create table dedicated_operator (
    account_code text not null references account (code),
    operator_id  text not null,
    valid_from   date not null,
    valid_to     date,
    primary key (account_code, operator_id, valid_from),
    check (valid_to is null or valid_to > valid_from)
);

create table network_resource (
    resource     text primary key,
    kind         text not null check (kind in ('NUMBER', 'PORT', 'LINE')),
    status       text not null check (status in ('FREE', 'BUSY', 'RESERVED', 'QUARANTINE')),
    account_code text references account (code),
    status_since date not null,
    check (status <> 'BUSY' or account_code is not null)
);
create index network_resource_account on network_resource (account_code);
