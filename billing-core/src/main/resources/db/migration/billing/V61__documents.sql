-- Issued documents. A package is what one statement (or one correction) produced: its input as JSON and
-- its documents, each with its number, date, amounts, rendered PDF and the PDF's SHA-256. Documents of a
-- closed month never change; regeneration re-renders them from the stored input and compares checksums.
create table document_package (
    id            uuid        primary key,
    kind          text        not null check (kind in ('MONTHLY', 'ONE_TIME', 'CORRECTION')),
    seller        text        not null,
    account       text        not null,
    month         text        not null check (month ~ '^\d{4}-\d{2}$'),
    client_name   text        not null,
    delivery      text        not null check (delivery in ('PORTAL', 'EMAIL', 'POST', 'COURIER')),
    postal_code   text,
    statement     jsonb       not null,
    correction    jsonb,
    correction_id text        unique,
    created_at    timestamptz not null
);
-- one monthly package per account and month, however often a run is started
create unique index document_package_monthly on document_package (account, month) where kind = 'MONTHLY';
create index document_package_by_month on document_package (month, account);

create table document (
    id            uuid          primary key,
    package_id    uuid          not null references document_package (id),
    type          text          not null check (type in ('INVOICE', 'ACT', 'VAT_INVOICE', 'CORRECTION_VAT_INVOICE', 'UPD')),
    seller        text          not null,
    number        text          not null,
    document_date date          not null,
    vat_rate      numeric(6, 4) not null,
    net           numeric(18, 2) not null,
    vat           numeric(18, 2) not null,
    gross         numeric(18, 2) not null,
    basis_number  text,
    basis_date    date,
    pdf           bytea         not null,
    sha256        text          not null,
    created_at    timestamptz   not null,
    unique (package_id, type)
);
-- a PDF is compressed already: store it out of line without trying to compress it again
alter table document alter column pdf set storage external;
create index document_by_package on document (package_id);
create index document_by_number on document (seller, type, number);
