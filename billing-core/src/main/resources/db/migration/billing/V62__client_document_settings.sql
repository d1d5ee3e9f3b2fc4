-- Which documents a client gets each month besides the invoice for payment: an act and a VAT invoice, or one UPD.
create table client_document_setting (
    account_code text        primary key references account (code) on delete cascade,
    documents    text        not null check (documents in ('VAT_INVOICE_AND_ACT', 'UPD')),
    updated_at   timestamptz not null default now()
);
