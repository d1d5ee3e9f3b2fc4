-- Financial periods (calendar months) and the close of each account in each month. A month is OPEN, then
-- PARTIALLY_CLOSED when some accounts are closed, CLOSED when a close has covered every account; a reopen (with a
-- reason) reverses the close entries and makes it OPEN again. Every action is audited.
create table financial_period (
    month       date        primary key check (extract(day from month) = 1),
    state       text        not null default 'OPEN' check (state in ('OPEN', 'PARTIALLY_CLOSED', 'CLOSED')),
    closing_job uuid,
    updated_at  timestamptz not null default now()
);

create sequence account_close_seq;

-- one active close per account and month: the unique index is what stops a second close of the same account-month
create table account_close (
    id              bigint      primary key default nextval('account_close_seq'),
    account_code    text        not null references account (code),
    month           date        not null references financial_period (month),
    closed_by       text        not null,
    closed_at       timestamptz not null,
    job_id          uuid,
    cdrs            bigint      not null default 0,
    service_events  bigint      not null default 0,
    fingerprint     text,
    network_minutes numeric(18, 2) not null default 0,
    tariff_code     text,
    tariff_version  integer,
    reopened_by     text,
    reopened_at     timestamptz,
    reopen_reason   text
);
create unique index account_close_active on account_close (account_code, month) where reopened_at is null;
create index account_close_month on account_close (month) where reopened_at is null;

alter table ledger_entry add constraint ledger_entry_close foreign key (close_id) references account_close (id);

create table period_audit (
    id        bigserial   primary key,
    month     date        not null,
    action    text        not null,
    actor     text        not null,
    reason    text,
    accounts  integer,
    detail    text,
    job_id    uuid,
    at        timestamptz not null default now()
);
create index period_audit_month on period_audit (month, id);
