-- One-time services (SMS, e-mail, fax) priced by the tariff's one-time services table.
create table service_event (
    source         text          not null,
    event_id       text          not null,
    service        text          not null,
    account_code   text          not null,
    event_time     timestamptz   not null,
    quantity       integer       not null check (quantity > 0),
    status         text          not null check (status in ('RATED', 'REJECTED')),
    reason         text,
    unit_price     numeric(18, 2),
    amount         numeric(18, 2),
    tariff_code    text,
    tariff_version integer,
    received_at    timestamptz   not null default now(),
    primary key (source, event_id)
);
create index service_event_account on service_event (account_code, event_time);
