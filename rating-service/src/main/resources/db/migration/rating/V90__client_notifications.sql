-- E-mail notifications of client users (issue 18, item 4): documents issued, balance below the client's threshold,
-- a new price list taking effect. Each is sent once: its key is unique, claimed before the mail goes out.

create table client_notification_setting (
    account_code      text primary key references account (code) on delete cascade,
    balance_threshold numeric(18, 2) check (balance_threshold >= 0),
    updated_by        text        not null,
    updated_at        timestamptz not null
);

create table client_notification (
    key          text primary key,
    kind         text        not null check (kind in ('DOCUMENTS_ISSUED', 'BALANCE_LOW', 'PRICE_LIST')),
    account_code text        not null,
    recipient    text        not null,
    subject      text        not null,
    created_at   timestamptz not null,
    sent_at      timestamptz,
    error        text
);
create index client_notification_account on client_notification (account_code, created_at desc);
