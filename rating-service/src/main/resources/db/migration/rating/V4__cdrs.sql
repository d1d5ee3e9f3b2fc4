-- Rated and rejected CDRs. cdr_key makes source + cdrId unique for ever and finds a record's month;
-- cdr is partitioned by month of startTime so lookups and listings stay fast at tens of millions of rows.
create table cdr_key (
    source     text        not null,
    cdr_id     text        not null,
    start_time timestamptz not null,
    primary key (source, cdr_id)
);

create sequence cdr_seq cache 1000;

create table cdr (
    id             bigint      not null default nextval('cdr_seq'),
    source         text        not null,
    cdr_id         text        not null,
    start_time     timestamptz not null,
    received_at    timestamptz not null,
    call_type      text        not null,
    caller         text        not null,
    called         text        not null,
    duration_sec   integer     not null,
    caller_region  text,
    caller_operator text,
    account_code   text,
    status         text        not null check (status in ('RATED', 'REJECTED')),
    reason         text,
    reason_detail  text,
    tariff_code    text,
    tariff_version integer,
    total          numeric(18, 2),
    lines          jsonb       not null default '[]',
    record         jsonb       not null,
    primary key (source, cdr_id, start_time)
) partition by range (start_time);

create index cdr_account_start on cdr (account_code, start_time);
create index cdr_start on cdr (start_time desc, id desc);
create index cdr_rejected on cdr (reason, start_time) where status = 'REJECTED';

create table cdr_default partition of cdr default;

do $$
declare
    m date := date '2024-01-01';
begin
    while m < date '2031-01-01' loop
        execute format('create table %I partition of cdr for values from (%L) to (%L)',
                       'cdr_' || to_char(m, 'YYYY_MM'), m::timestamp at time zone 'Europe/Moscow',
                       (m + interval '1 month')::timestamp at time zone 'Europe/Moscow');
        m := m + interval '1 month';
    end loop;
end $$;
