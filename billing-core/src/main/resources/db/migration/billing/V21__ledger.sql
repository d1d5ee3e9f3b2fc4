-- The ledger: every money movement on an account is one entry, never updated or deleted, only reversed by
-- another entry (reverses = the reversed entry). Amounts are RUB without VAT; the VAT rate is the one in force on
-- the entry date. Positive amounts are owed by the client; payments, deductions and discounts are negative.
-- PARTNER_ACCRUAL entries are the partner operator's share: a liability to the partner, outside the client balance.
create table vat_rate (
    valid_from date          primary key,
    rate       numeric(5, 2) not null check (rate >= 0)
);
insert into vat_rate (valid_from, rate) values ('2019-01-01', 20.00), ('2026-01-01', 22.00);

-- no cache: ids follow the order entries were made in, which the ledger lists by
create sequence ledger_entry_seq;

create table ledger_entry (
    id           bigint        primary key default nextval('ledger_entry_seq'),
    account_code text          not null references account (code),
    kind         text          not null check (kind in ('USAGE', 'MONTHLY_FEE', 'ONE_TIME_CHARGE', 'DEDUCTION', 'PAYMENT',
                                   'ADJUSTMENT', 'CORRECTION', 'VOLUME_DISCOUNT', 'PARTNER_ACCRUAL')),
    period       date          not null check (extract(day from period) = 1),
    entry_date   date          not null,
    refers_to    date          check (refers_to is null or extract(day from refers_to) = 1),
    corrects     text          check (corrects is null or corrects in ('USAGE', 'VOLUME_DISCOUNT')),
    service      text,
    component    text,
    reference    text,
    quantity     numeric(18, 3),
    unit         text,
    rate         numeric(18, 4),
    amount       numeric(18, 2) not null,
    vat_rate     numeric(5, 2),
    vat          numeric(18, 2) not null default 0,
    old_amount   numeric(18, 2),
    new_amount   numeric(18, 2),
    counterparty text,
    reason       text,
    close_id     bigint,
    reverses     bigint        references ledger_entry (id),
    created_by   text          not null,
    created_at   timestamptz   not null default now(),
    check (kind <> 'CORRECTION' or (refers_to is not null and corrects is not null))
);
create index ledger_entry_account on ledger_entry (account_code, period, id);
create index ledger_entry_refers_to on ledger_entry (refers_to, account_code) where refers_to is not null;
create index ledger_entry_close on ledger_entry (close_id) where close_id is not null;
-- an entry is reversed at most once
create unique index ledger_entry_reversed_once on ledger_entry (reverses) where reverses is not null;
-- a payment order is registered once per account
create unique index ledger_entry_payment_reference on ledger_entry (account_code, reference)
    where kind = 'PAYMENT' and reverses is null;
